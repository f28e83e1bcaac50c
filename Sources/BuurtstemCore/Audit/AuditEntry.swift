public import Statuut

/// Who made a change.
public enum AuditActor: Sendable, Hashable, CustomStringConvertible {
    case system
    case board(String)
    case desk(String)
    case member(String)

    public var description: String {
        switch self {
        case .system: return "system"
        case .board(let user): return "board:\(user)"
        case .desk(let user): return "desk:\(user)"
        case .member(let id): return "member:\(id)"
        }
    }
}

/// One entry of the audit log, and its canonical encoding: the bytes that are hashed.
public struct AuditEntry: Sendable, Hashable {
    /// 1, 2, 3, … without gaps.
    public var seq: Int
    public var at: Moment
    public var actor: String
    /// What happened, e.g. `register.imported`, `resident.moved`.
    public var action: String
    /// The details as canonical JSON (sorted keys, no white space).
    public var payload: String

    public init(seq: Int, at: Moment, actor: String, action: String, payload: String) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.payload = payload
    }

    public init(seq: Int, at: Moment, actor: AuditActor, action: String, payload: JSONValue) {
        self.init(seq: seq, at: at, actor: actor.description, action: action, payload: payload.encoded(pretty: false))
    }

    /// `{"action":…,"actor":…,"at":…,"payload":…,"seq":…}`: canonical JSON, keys sorted.
    public var canonicalBytes: [UInt8] {
        Self.canonicalBytes(seq: seq, at: at.description, actor: actor, action: action, payload: payload)
    }

    /// The canonical encoding from stored columns (the payload is already canonical JSON).
    public static func canonicalBytes(seq: Int, at: String, actor: String, action: String, payload: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + payload.utf8.count)
        CanonicalJSON.appendEntry(
            seq: seq, at: Array(at.utf8), actor: Array(actor.utf8), action: Array(action.utf8),
            payload: Array(payload.utf8), to: &out)
        return out
    }

    /// The entry's leaf hash in the log's Merkle tree, in the form entries are written now.
    public var leafHash: Hash { AuditLeaf.hash(AuditLeaf.current, seq: seq, at: at.description, actor: actor, action: action, payload: payload) }
}

/// The log's head: its size and Merkle root. Printed on minutes and the projector; any later
/// change to the first `size` entries changes the root.
public struct AuditHead: Sendable, Hashable, CustomStringConvertible {
    public var size: Int
    public var root: Hash

    public init(size: Int, root: Hash) {
        self.size = size
        self.root = root
    }

    /// Parses `SIZE:ROOTHEX`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let size = Int(parts[0]), size >= 0, let root = Hash(hex: parts[1]) else { return nil }
        self.init(size: size, root: root)
    }

    /// `SIZE:ROOTHEX`
    public var description: String { "\(size):\(root)" }
}
