public import Crypto
import Foundation
public import Statuut

/// An audit head signed with the association's Ed25519 key, for an outside witness: the
/// kascommissie, the municipality, or a public append-only place (a git repository the
/// association controls). Whoever keeps a copy can later check that the log still has these
/// entries (`audit verify --witness`); the signature shows the copy came from the association.
///
/// One JSON line per head, keys sorted; the signature covers `message`, a fixed text form:
/// `buurtstem-audit-head/v1`, the association, the size, the root and the time, one per line.
public struct SignedAuditHead: Sendable, Hashable {
    public var association: String
    public var head: AuditHead
    public var at: Moment
    /// The signer's Ed25519 public key (32 bytes).
    public var publicKey: [UInt8]
    /// The Ed25519 signature over `message` (64 bytes).
    public var signature: [UInt8]

    /// What is signed.
    public static func message(association: String, head: AuditHead, at: Moment) -> [UInt8] {
        Array("buurtstem-audit-head/v1\n\(association)\n\(head.size)\n\(head.root)\n\(at)\n".utf8)
    }

    /// Signs `head` with `key`.
    public static func sign(_ head: AuditHead, association: String, at: Moment, key: Curve25519.Signing.PrivateKey) throws -> SignedAuditHead {
        let signature = try key.signature(for: message(association: association, head: head, at: at))
        return SignedAuditHead(
            association: association, head: head, at: at, publicKey: Array(key.publicKey.rawRepresentation),
            signature: Array(signature))
    }

    /// True when the signature is the public key's over this head.
    public var hasValidSignature: Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: Self.message(association: association, head: head, at: at))
    }

    /// One line of canonical JSON.
    public var line: String {
        JSONValue.object([
            "association": .string(association), "size": .int(head.size), "root": .string(head.root.description),
            "at": .string(at.description), "publicKey": .string(Self.hex(publicKey)), "signature": .string(Self.hex(signature)),
        ]).encoded(pretty: false)
    }

    /// Why a line is not a signed head.
    public struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a line written by `line`.
    public init(line: String) throws(Malformed) {
        struct Fields: Decodable { var association: String?, size: Int?, root: String?, at: String?, publicKey: String?, signature: String? }
        guard let fields = try? JSONDecoder().decode(Fields.self, from: Data(line.utf8)) else {
            throw Malformed(description: "not a JSON object")
        }
        guard let association = fields.association, let size = fields.size, size >= 0,
            let root = fields.root.flatMap(Hash.init(hex:)), let at = fields.at.flatMap(Moment.init(parsing:)),
            let key = fields.publicKey.flatMap(Self.bytes), key.count == 32,
            let signature = fields.signature.flatMap(Self.bytes), signature.count == 64
        else {
            throw Malformed(description: "expected association, size, root (64 hex digits), at, publicKey (64 hex digits) and signature (128 hex digits)")
        }
        self.init(association: association, head: AuditHead(size: size, root: root), at: at, publicKey: key, signature: signature)
    }

    public init(association: String, head: AuditHead, at: Moment, publicKey: [UInt8], signature: [UInt8]) {
        self.association = association
        self.head = head
        self.at = at
        self.publicKey = publicKey
        self.signature = signature
    }

    /// Lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    static func bytes(_ hex: String) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        for i in stride(from: 0, to: chars.count, by: 2) {
            guard let byte = UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}
