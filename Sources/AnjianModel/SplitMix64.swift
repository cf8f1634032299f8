/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator of our own, so that the same
/// seed gives the same numbers on every machine, Swift version and language. The draw (see
/// docs/draw.md) and the ledger generator use it; the standard library's random algorithms are
/// not promised to stay the same, so none of them is used where results must be reproduced.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound without bias, by rejection: draws below 2⁶⁴ − (2⁶⁴ mod bound) are
    /// taken modulo `bound`, others drawn again (docs/draw.md, step "uniform").
    public mutating func uniform(_ bound: Int) -> Int {
        precondition(bound > 0)
        let k = UInt64(bound)
        // 2⁶⁴ mod k, computed without 2⁶⁴: (2⁶⁴ − k) mod k.
        let excess = (0 &- k) % k
        while true {
            let r = next()
            if excess == 0 || r < 0 &- excess { return Int(r % k) }
        }
    }

    /// Fisher–Yates from the end: for i = n−1 down to 1, swap i with uniform(i + 1).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, uniform(i + 1)) }
    }
}
