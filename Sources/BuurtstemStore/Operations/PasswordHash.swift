import CSodium
import Foundation

/// Password hashes for board and desk accounts: Argon2id (memory-hard) from libsodium, stored in
/// libsodium's self-describing string form (`$argon2id$v=19$m=65536,t=2,p=1$salt$hash`), so the
/// parameters can be raised later without breaking stored hashes.
public enum PasswordHash {
    /// Why a password is not accepted.
    public struct Weak: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The shortest password accepted. Length beats complexity rules for people who are not IT staff.
    public static let minimumLength = 10

    private static let ready: Bool = sodium_init() >= 0

    /// Hashes `password` with a fresh random salt (libsodium's "interactive" limits: 2 passes over
    /// 64 MiB, about 0.1 s on this kind of machine).
    public static func make(_ password: String) throws -> String {
        guard password.count >= minimumLength else {
            throw Weak(description: "a password needs at least \(minimumLength) characters (a few words together work well)")
        }
        precondition(ready, "libsodium could not be initialised")
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let status = password.withCString { chars in
            crypto_pwhash_argon2id_str(
                &out, chars, UInt64(strlen(chars)),
                UInt64(crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE), Int(crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE))
        }
        guard status == 0 else { throw Weak(description: "the password could not be hashed (out of memory)") }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches a stored hash (constant time in the password).
    public static func verify(_ password: String, against stored: String) -> Bool {
        precondition(ready, "libsodium could not be initialised")
        return password.withCString { chars in crypto_pwhash_argon2id_str_verify(stored, chars, UInt64(strlen(chars))) == 0 }
    }
}
