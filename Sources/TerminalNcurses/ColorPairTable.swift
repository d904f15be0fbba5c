/// Hands out colour pairs lazily, one per (foreground, background), within the terminal's pair limit.
struct ColorPairTable {
    /// Asks the terminal to define pair `number` as (foreground, background); false if it refused.
    typealias Allocator = (_ number: Int32, _ foreground: Int32, _ background: Int32) -> Bool

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private let capacity: Int32
    private let capability: ColorCapability
    private let allocate: Allocator
    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    private var exhausted = false

    /// `capacity` is COLOR_PAIRS; pair 0 is the terminal's default pair and is never redefined.
    init(capacity: Int32, capability: ColorCapability, allocate: @escaping Allocator) {
        self.capacity = max(1, capacity)
        self.capability = capability
        self.allocate = allocate
    }

    /// Pairs defined so far, not counting pair 0.
    var count: Int { pairs.count }

    /// The pair for these colours: the cached one, a newly defined one, or the nearest existing one when full.
    /// Default colours get a pair of their own too: ncurses reaches pair 0 from a coloured cell by resetting
    /// every attribute (`op` then `sgr0`, 11 bytes on xterm), but reaches another pair by setting colours only.
    mutating func pair(foreground: Int32, background: Int32) -> Int32 {
        let key = Key(foreground: foreground, background: background)
        if let known = pairs[key] { return known }
        if !exhausted, next < capacity {
            if allocate(next, foreground, background) {
                pairs[key] = next
                next += 1
                return next - 1
            }
            // A refusal means the terminal has no room we can use; stop asking.
            exhausted = true
        }
        return nearest(to: key)
    }

    private func nearest(to key: Key) -> Int32 {
        let wantedForeground = ColorDowngrade.approximateRGB(key.foreground, capability: capability, isForeground: true)
        let wantedBackground = ColorDowngrade.approximateRGB(key.background, capability: capability, isForeground: false)
        func cost(_ candidate: Key) -> Int {
            XtermPalette.distance(ColorDowngrade.approximateRGB(candidate.foreground, capability: capability, isForeground: true), wantedForeground)
                + XtermPalette.distance(ColorDowngrade.approximateRGB(candidate.background, capability: capability, isForeground: false), wantedBackground)
        }
        var best: (pair: Int32, cost: Int) = (0, cost(Key(foreground: -1, background: -1)))
        for (candidate, number) in pairs {
            let candidateCost = cost(candidate)
            if candidateCost < best.cost || (candidateCost == best.cost && number < best.pair) { best = (number, candidateCost) }
        }
        return best.pair
    }
}
