import Foundation

/// How an audit entry becomes a leaf of the log's Merkle tree (RFC 6962: leaf = SHA-256(0x00 ‖ bytes)).
///
/// Two forms, told apart by the leaf itself:
/// - **form 1** (logs written before December 2026): the bytes are the whole canonical entry
///   `{"action":…,"actor":…,"at":…,"payload":…,"seq":…}`;
/// - **form 2** (every entry written since): the bytes are the entry's header with the payload's
///   SHA-256 in its place, `{"action":…,"actor":…,"at":…,"payloadSha256":"…","seq":…,"v":2}`.
///   The leaf commits to the payload through its digest, so an entry whose payload the retention
///   rule removed (`PurgedPayload`) is still checked against its leaf, not taken on trust.
///
/// A log may hold form-1 entries followed by form-2 entries (an upgraded database), never the
/// other way round.
public enum AuditLeaf {
    /// Which bytes an entry's leaf hashes.
    public enum Form: Int, Sendable, Hashable, Codable {
        case whole = 1
        case digest = 2
    }

    /// The form every new entry is written in.
    public static let current = Form.digest

    /// Form 2's header bytes: `{"action":…,"actor":…,"at":…,"payloadSha256":"…","seq":…,"v":2}`.
    @inlinable
    public static func appendHeader<A: Collection, B: Collection, C: Collection>(
        seq: Int, at: A, actor: B, action: C, payloadDigest: Hash, to out: inout [UInt8]
    ) where A.Element == UInt8, B.Element == UInt8, C.Element == UInt8 {
        out.append(contentsOf: #"{"action":"#.utf8)
        CanonicalJSON.appendString(action, to: &out)
        out.append(contentsOf: #","actor":"#.utf8)
        CanonicalJSON.appendString(actor, to: &out)
        out.append(contentsOf: #","at":"#.utf8)
        CanonicalJSON.appendString(at, to: &out)
        out.append(contentsOf: #","payloadSha256":""#.utf8)
        payloadDigest.appendHex(to: &out)
        out.append(contentsOf: #"","seq":"#.utf8)
        CanonicalJSON.appendInt(seq, to: &out)
        out.append(contentsOf: #","v":2}"#.utf8)
    }

    /// The header of an entry in form 2, as text (what `audit prove` shows for such an entry).
    public static func header(seq: Int, at: String, actor: String, action: String, payloadDigest: Hash) -> String {
        var out: [UInt8] = []
        appendHeader(seq: seq, at: at.utf8, actor: actor.utf8, action: action.utf8, payloadDigest: payloadDigest, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The leaf of an entry in `form`, from its columns (the payload as stored, canonical JSON).
    public static func hash(_ form: Form, seq: Int, at: String, actor: String, action: String, payload: String) -> Hash {
        switch form {
        case .whole: return MerkleTree.leafHash(AuditEntry.canonicalBytes(seq: seq, at: at, actor: actor, action: action, payload: payload))
        case .digest:
            return MerkleTree.leafHash(Array(header(seq: seq, at: at, actor: actor, action: action, payloadDigest: .sha256(Array(payload.utf8))).utf8))
        }
    }

    /// The digest named in a form-2 header (`"payloadSha256":"…"`), when the text is one.
    public static func payloadDigest(inHeader header: String) -> Hash? {
        let marker = #","payloadSha256":""#
        guard header.hasSuffix(#","v":2}"#), let range = header.range(of: marker, options: .backwards) else { return nil }
        return Hash(hex: header[range.upperBound...].prefix(64))
    }
}

/// A payload removed by the retention rule: exactly `{"purged":"<SHA-256 of the payload, 64 hex>"}`.
/// Only entries of `AuditAction.personal` may be purged; anything else that starts like one is a
/// forgery, and so is any other shape.
public enum PurgedPayload {
    /// The bytes every stored purged payload starts with.
    public static let prefix = Array(#"{"purged":""#.utf8)

    /// The text that replaces a payload whose SHA-256 is `digest`.
    public static func text(replacing digest: Hash) -> String { #"{"purged":"\#(digest)"}"# }

    /// Whether a stored payload claims to be purged (whatever its shape).
    public static func claims(_ payload: some Collection<UInt8>) -> Bool { payload.starts(with: prefix) }

    /// The digest a purged payload keeps, when the payload has exactly the form `purge` writes
    /// (lower-case hex, nothing else); nil for anything else.
    public static func digest(_ payload: some Collection<UInt8>) -> Hash? {
        let bytes = Array(payload)
        guard bytes.count == prefix.count + 64 + 2, bytes.starts(with: prefix), bytes[bytes.count - 2] == UInt8(ascii: "\""),
            bytes[bytes.count - 1] == UInt8(ascii: "}")
        else { return nil }
        let hex = bytes[prefix.count..<prefix.count + 64]
        guard hex.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return Hash(hex: String(decoding: hex, as: UTF8.self))
    }
}

extension Hash {
    /// Appends the 64 lower-case hex digits.
    @inlinable
    public func appendHex(to out: inout [UInt8]) {
        withUnsafeBytes { bytes in
            for b in bytes {
                out.append(Hash.hexDigit(b >> 4))
                out.append(Hash.hexDigit(b & 15))
            }
        }
    }

    @inlinable
    static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }
}
