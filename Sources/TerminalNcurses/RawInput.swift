/// One unit as `wget_wch` delivers it, before escape and paste sequences are put together.
enum RawInput: Hashable, Sendable {
    /// A character code (status OK): a Unicode scalar value, or a control code below 32.
    case character(UInt32)
    /// A key code (status KEY_CODE_YES), e.g. KEY_UP.
    case keyCode(Int32)
}
