/// Why a document is not valid JSON, and where: line and column count from 1, columns in characters.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// What was expected and what was found, without the position.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "line 12, column 5: expected ',' or '}' after an object member, found '\"'"
    public var description: String { "line \(line), column \(column): \(message)" }
}
