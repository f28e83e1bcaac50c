public import Crypto
import Foundation

/// A one-time voting code: 14 random characters (≈ 68.7 bits from the caller's random source,
/// a CSPRNG in production) from an alphabet without lookalikes, plus a check character
/// (Luhn mod 30), printed in groups of four: `K7QM-9XWD-3RTB-HQ2`.
///
/// The check character tells a typo from a wrong code: a single mistyped character or two swapped
/// neighbours are caught before the code is looked up, so they never count as a failed attempt.
public struct VotingCode: Sendable, Hashable, CustomStringConvertible {
    /// 2–9 and A–Z without I, L, O and U: nothing to confuse with 0, 1 or V.
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let dataLength = 14

    /// The 15 characters without separators.
    public let characters: String

    /// Why a typed code is not a code.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case wrongLength(Int)
        case notACodeCharacter(Character)
        /// The check character does not match: almost certainly a typing mistake.
        case typo

        public var description: String {
            switch self {
            case .wrongLength(let n): return "a code has 15 characters; this has \(n)"
            case .notACodeCharacter(let c):
                if "0O".contains(c) { return "codes have no 0 (zero) and no O: look again at the letter; it may be a D or a Q" }
                if "1IL".contains(c) { return "codes have no 1 (one), I or L: look again at the letter; it may be a 7 or a T" }
                return "`\(c)` does not occur in codes (they use 2–9 and A–Z without I, L, O and U)"
            case .typo: return "this code contains a typing mistake; please check it against the letter"
            }
        }
    }

    /// A new code from `random` (pass a CSPRNG such as `SystemRandomNumberGenerator`).
    public static func generate(using random: inout some RandomNumberGenerator) -> VotingCode {
        let data = (0..<dataLength).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
        return VotingCode(unchecked: String(data) + String(checkCharacter(for: data)))
    }

    /// Reads a typed code: case and separators (spaces, dashes, dots) do not matter, and what a
    /// phone's keyboard may put in its place is read as meant: full-width characters (a Japanese
    /// or Chinese keyboard) and Cyrillic or Greek letters that look like Latin ones (a Russian,
    /// Bulgarian or Greek keyboard). Anything else that is not a code character is refused by name.
    public init(parsing text: String) throws(Problem) {
        guard text.utf8.count <= 200 else { throw .wrongLength(text.count) }
        // Invisible format characters (a byte-order mark, a zero-width space or joiner) are no part of a code.
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        let cleaned = String(
            visible.precomposedStringWithCompatibilityMapping.uppercased().compactMap { c -> Character? in
                if c.isWhitespace || Self.separators.contains(c) { return nil }
                return Self.lookalikes[c] ?? c
            })
        guard cleaned.count == Self.dataLength + 1 else { throw .wrongLength(cleaned.count) }
        for c in cleaned where !Self.alphabet.contains(c) { throw .notACodeCharacter(c) }
        let chars = Array(cleaned)
        guard Self.checkCharacter(for: Array(chars.prefix(Self.dataLength))) == chars.last else { throw .typo }
        self.init(unchecked: cleaned)
    }

    /// Dashes and dots of every kind, as keyboards and autocorrection produce them.
    static let separators: Set<Character> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", ".", "_", "·"]

    /// Upper-case Cyrillic and Greek letters that look like a Latin code character.
    static let lookalikes: [Character: Character] = [
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "Р": "P", "С": "C", "Т": "T", "Х": "X", "Ѕ": "S", "З": "3",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Κ": "K", "Μ": "M", "Ν": "N", "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y",
    ]

    private init(unchecked characters: String) { self.characters = characters }

    /// Grouped for reading: `K7QM-9XWD-3RTB-HQ2`.
    public var description: String {
        let chars = Array(characters)
        return stride(from: 0, to: chars.count, by: 4).map { String(chars[$0..<min($0 + 4, chars.count)]) }.joined(separator: "-")
    }

    /// The keyed hash the server stores instead of the code: HMAC-SHA-256 with the assembly's secret.
    public func keyedHash(secret: [UInt8]) -> Hash {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(characters.utf8), using: SymmetricKey(data: secret))
        return Hash(Array(mac))
    }

    /// "This code has voted on this ballot", as the server stores it: HMAC-SHA-256 with the
    /// assembly's secret over a label, the ballot and the code. Only the plain code produces it, so
    /// it never joins `keyedHash` (which names the member): whoever holds the database file sees
    /// that some code voted, not which member's. A different value per ballot, so one voter's
    /// votes on several ballots cannot be tied together either.
    public func ballotMarker(secret: [UInt8], ballot: BallotID) -> Hash {
        derived("buurtstem/voted/v1", ballot: ballot, secret: secret)
    }

    /// The key that seals this code's receipt on a ballot (so the voter, and only with the code,
    /// can find their own vote again: to replace it where the statute allows).
    public func receiptKey(secret: [UInt8], ballot: BallotID) -> SymmetricKey {
        SymmetricKey(data: derived("buurtstem/receipt-key/v1", ballot: ballot, secret: secret).bytes)
    }

    private func derived(_ label: String, ballot: BallotID, secret: [UInt8]) -> Hash {
        let message = Data("\(label)\u{0}\(ballot)\u{0}\(characters)".utf8)
        return Hash(Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret))))
    }

    /// Luhn mod N over the alphabet.
    static func checkCharacter(for data: [Character]) -> Character {
        let n = alphabet.count
        var factor = 2
        var sum = 0
        for c in data.reversed() {
            let value = alphabet.firstIndex(of: c)!
            var addend = factor * value
            factor = factor == 2 ? 1 : 2
            addend = addend / n + addend % n
            sum += addend
        }
        return alphabet[(n - sum % n) % n]
    }
}
