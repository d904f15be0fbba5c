/// The xterm 256-colour palette as RGB: the reference for choosing the nearest colour.
enum XtermPalette {
    /// RGB of the 16 ANSI colours in xterm's default palette.
    static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six channel levels of the 6×6×6 cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// RGB of palette entry `index`.
    static func rgb(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        if i < 16 { return ansi[i] }
        if i < 232 {
            let c = i - 16
            return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
        }
        let grey = UInt8(8 + (i - 232) * 10)
        return (grey, grey, grey)
    }

    /// Squared distance in RGB space: plain, so tests can reason about it.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }

    /// The nearest entry among 16–255: entries 0–15 are left out because users retheme them.
    static func nearest256(_ color: (UInt8, UInt8, UInt8)) -> UInt8 {
        func level(_ value: UInt8) -> Int {
            var best = 0
            for (index, candidate) in cubeLevels.enumerated()
            where abs(candidate - Int(value)) < abs(cubeLevels[best] - Int(value)) { best = index }
            return best
        }
        let cube = UInt8(16 + 36 * level(color.0) + 6 * level(color.1) + level(color.2))
        let average = (Int(color.0) + Int(color.1) + Int(color.2)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = UInt8(232 + greyStep)
        return distance(rgb(grey), color) < distance(rgb(cube), color) ? grey : cube
    }

    /// The nearest of the first `count` ANSI colours (8 or 16).
    static func nearestANSI(_ color: (UInt8, UInt8, UInt8), count: Int) -> UInt8 {
        var best = 0
        for index in 1..<count where distance(ansi[index], color) < distance(ansi[best], color) { best = index }
        return UInt8(best)
    }
}
