/// An exact, non-negative fraction such as 2/3 or 10% (= 1/10), kept in lowest terms.
///
/// Majorities and quorums are compared with exact integer arithmetic, never floating point:
/// `votes * denominator` against `numerator * total`.
public struct Fraction: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// A fraction in lowest terms; nil when the denominator is not positive or the numerator negative.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator > 0, numerator >= 0 else { return nil }
        let divisor = Fraction.gcd(numerator, denominator)
        self.numerator = numerator / max(divisor, 1)
        self.denominator = denominator / max(divisor, 1)
    }

    /// `percent`/100.
    public init?(percent: Int) { self.init(percent, 100) }

    public static let half = Fraction(1, 2)!
    public static let twoThirds = Fraction(2, 3)!
    public static let one = Fraction(1, 1)!
    public static let oneTenth = Fraction(1, 10)!

    /// Whether 0 < self <= 1, the only fractions a majority or share may be.
    public var isProperShare: Bool { numerator > 0 && numerator <= denominator }

    /// Whether `part / whole` is at least this fraction (exact; false when whole is 0 and self > 0).
    public func isReached(by part: Int, of whole: Int) -> Bool {
        part.multipliedFullWidth(by: denominator) >= numerator.multipliedFullWidth(by: whole)
    }

    /// Whether `part / whole` is strictly more than this fraction.
    public func isExceeded(by part: Int, of whole: Int) -> Bool {
        part.multipliedFullWidth(by: denominator) > numerator.multipliedFullWidth(by: whole)
    }

    /// The smallest whole number `n` with `n / whole >= self` (for "at least") — e.g. quorum counts.
    public func minimumCount(of whole: Int) -> Int {
        let product = numerator * whole
        return (product + denominator - 1) / denominator
    }

    /// The smallest whole number `n` with `n / whole > self` (for "more than").
    public func minimumCountExceeding(of whole: Int) -> Int {
        numerator * whole / denominator + 1
    }

    public var description: String { "\(numerator)/\(denominator)" }

    /// As a percentage when exact (`10%`), else nil.
    public var exactPercent: Int? {
        (100 * numerator) % denominator == 0 ? 100 * numerator / denominator : nil
    }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
