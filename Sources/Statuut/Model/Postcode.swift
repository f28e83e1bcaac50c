/// A Dutch postcode: four digits (the first not 0) and two letters, never SA, SD or SS.
///
/// Accepts `1067pa`, `1067 PA` and `1067-PA`; always prints `1067 PA`.
public struct Postcode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The four digits, 1000–9999.
    public let digits: Int
    /// The two upper-case letters.
    public let letters: String

    /// Why a text is not a postcode.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case wrongShape
        case leadingZero
        case forbiddenLetters(String)

        public var description: String {
            switch self {
            case .wrongShape: return "a postcode is four digits and two letters, like 1067 PA"
            case .leadingZero: return "Dutch postcodes never start with 0"
            case .forbiddenLetters(let l): return "the letter combination \(l) is never used in Dutch postcodes (SA, SD and SS are not issued)"
            }
        }
    }

    /// The letter pairs that are never issued.
    public static let forbiddenLetters: Set<String> = ["SA", "SD", "SS"]

    /// Validates digits and letters.
    public init(digits: Int, letters: String) throws(Problem) {
        guard (0...9999).contains(digits), letters.count == 2,
              letters.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { throw .wrongShape }
        guard digits >= 1000 else { throw .leadingZero }
        guard !Self.forbiddenLetters.contains(letters) else { throw .forbiddenLetters(letters) }
        self.digits = digits
        self.letters = letters
    }

    /// Parses and normalises a postcode as people write it: `1067pa`, `1067 PA`, `1067-PA`.
    public init(parsing text: some StringProtocol) throws(Problem) {
        var chars = Array(text.unicodeScalars.filter { $0 != " " && $0 != "-" })
        chars = chars.map { ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32)! : $0 }
        guard chars.count == 6, chars[0..<4].allSatisfy({ ("0"..."9").contains($0) }) else { throw .wrongShape }
        if chars[0] == "0" { throw .leadingZero }
        let digits = chars[0..<4].reduce(0) { $0 * 10 + Int($1.value - 48) }
        var letters = ""
        letters.unicodeScalars.append(contentsOf: chars[4..<6])
        try self.init(digits: digits, letters: letters)
    }

    /// Validates the digits of a four-digit postcode area (PC4).
    public static func validateArea(_ digits: String) throws(Problem) -> Int {
        guard digits.count == 4, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let value = Int(digits)
        else { throw .wrongShape }
        guard value >= 1000 else { throw .leadingZero }
        return value
    }

    /// The first and last PC6 of a PC4 area (`1067 AA` and `1067 ZZ`).
    static func areaBounds(_ digits: Int) -> (Postcode, Postcode) {
        (Postcode(unchecked: digits, "AA"), Postcode(unchecked: digits, "ZZ"))
    }

    private init(unchecked digits: Int, _ letters: String) {
        self.digits = digits
        self.letters = letters
    }

    public var description: String { "\(digits) \(letters)" }

    public static func < (lhs: Postcode, rhs: Postcode) -> Bool {
        (lhs.digits, lhs.letters) < (rhs.digits, rhs.letters)
    }
}
