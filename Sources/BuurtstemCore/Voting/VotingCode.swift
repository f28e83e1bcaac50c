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
            case .notACodeCharacter(let c): return "`\(c)` does not occur in codes (they use 2–9 and A–Z without I, L, O and U)"
            case .typo: return "this code contains a typing mistake; please check it against the letter"
            }
        }
    }

    /// A new code from `random` (pass a CSPRNG such as `SystemRandomNumberGenerator`).
    public static func generate(using random: inout some RandomNumberGenerator) -> VotingCode {
        let data = (0..<dataLength).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
        return VotingCode(unchecked: String(data) + String(checkCharacter(for: data)))
    }

    /// Reads a typed code: case and separators (spaces, dashes) do not matter.
    public init(parsing text: String) throws(Problem) {
        let cleaned = text.uppercased().filter { $0 != " " && $0 != "-" && $0 != "\t" }
        guard cleaned.count == Self.dataLength + 1 else { throw .wrongLength(cleaned.count) }
        for c in cleaned where !Self.alphabet.contains(c) { throw .notACodeCharacter(c) }
        let chars = Array(cleaned)
        guard Self.checkCharacter(for: Array(chars.prefix(Self.dataLength))) == chars.last else { throw .typo }
        self.init(unchecked: cleaned)
    }

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
