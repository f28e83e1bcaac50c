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
            letters.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) })
        else { throw .wrongShape }
        guard digits >= 1000 else { throw .leadingZero }
        guard !Self.forbiddenLetters.contains(letters) else { throw .forbiddenLetters(letters) }
        self.digits = digits
        self.letters = letters
    }

    /// Parses and normalises a postcode as people write it: `1067pa`, `1067 PA`, `1067-PA`.
    public init(parsing text: some StringProtocol) throws(Problem) {
        try self.init(utf8: Array(text.utf8))
    }

    /// Parses a postcode from UTF-8 bytes (spaces and one hyphen allowed, any letter case).
    @inlinable
    public init<C: Collection>(utf8: C) throws(Problem) where C.Element == UInt8 {
        var chars: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        var count = 0
        for byte in utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") {
            guard count < 6 else { throw .wrongShape }
            let upper = byte >= 97 && byte <= 122 ? byte - 32 : byte
            switch count {
            case 0: chars.0 = upper
            case 1: chars.1 = upper
            case 2: chars.2 = upper
            case 3: chars.3 = upper
            case 4: chars.4 = upper
            default: chars.5 = upper
            }
            count += 1
        }
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        let isLetter = { (b: UInt8) in b >= 65 && b <= 90 }
        guard count == 6, isDigit(chars.0), isDigit(chars.1), isDigit(chars.2), isDigit(chars.3),
            isLetter(chars.4), isLetter(chars.5)
        else { throw .wrongShape }
        if chars.0 == 48 { throw .leadingZero }
        let digits = Int(chars.0 - 48) * 1000 + Int(chars.1 - 48) * 100 + Int(chars.2 - 48) * 10 + Int(chars.3 - 48)
        let letters = String(decoding: [chars.4, chars.5], as: UTF8.self)
        if chars.4 == 83, chars.5 == 65 || chars.5 == 68 || chars.5 == 83 { throw .forbiddenLetters(letters) }
        self.digits = digits
        self.letters = letters
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
