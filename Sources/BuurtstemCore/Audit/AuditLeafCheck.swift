import Foundation

/// Recomputes the leaves of a log entry by entry, in order, and says which entries do not match
/// their stored leaf, or were purged where no purge may go (`AuditLeaf`, `PurgedPayload`).
///
/// - An entry written in form 2 is always checked through its payload's digest, also when its
///   payload was purged: the digest kept in `{"purged":"…"}` must give the stored leaf.
/// - A purged entry written in form 1 (before form 2 existed) cannot be checked: its stored leaf
///   stands, but only for an action that holds personal data, and only before the log's first
///   form-2 entry.
/// - Only `AuditAction.personal` entries may be purged, only in the exact form `purge` writes, and
///   each must be listed by a later `data.purged` entry (`finish`).
public struct AuditLeafCheck: Sendable {
    /// Something wrong with one entry.
    public enum Finding: Sendable, Hashable {
        /// The entry does not give its stored leaf: it was changed.
        case altered(seq: Int)
        /// A payload was replaced by a digest on an entry that is never purged (votes, ballots, …).
        case purgeNotAllowed(seq: Int, action: String)
        /// A payload was replaced by a digest, and no `data.purged` entry records it.
        case purgeNotListed(seq: Int)
    }

    /// The form of the entries read so far (nil before the first that matched its leaf).
    public private(set) var form: AuditLeaf.Form?
    private var purged: [Int] = []
    private var listed: Set<Int> = []
    private var entry: [UInt8] = []
    private static let personal = Set(AuditAction.personal.map { Array($0.rawValue.utf8) })
    private static let purgeAction = Array(AuditAction.dataPurged.rawValue.utf8)

    public init() { entry.reserveCapacity(1024) }

    /// The leaf that entry `seq` gives (to build the tree with) and what is wrong with it, if anything.
    public mutating func leaf(
        seq: Int, at: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer, action: UnsafeRawBufferPointer,
        payload: UnsafeRawBufferPointer, stored: UnsafeRawBufferPointer
    ) -> (hash: Hash, finding: Finding?) {
        if action.elementsEqual(Self.purgeAction) { listed.formUnion(Self.listed(in: payload).filter { $0 < seq }) }
        if PurgedPayload.claims(payload) { return purgedLeaf(seq: seq, at: at, actor: actor, action: action, payload: payload, stored: stored) }
        // Form 1 is tried only until the log's first form-2 entry: a log never goes back.
        var whole: Hash?
        if form != .digest {
            whole = wholeLeaf(seq: seq, at: at, actor: actor, action: action, payload: payload)
            if let whole, Self.matches(stored, whole) {
                form = .whole
                return (whole, nil)
            }
        }
        let digest = digestLeaf(seq: seq, at: at, actor: actor, action: action, digest: .sha256(unsafeBytes: payload))
        if Self.matches(stored, digest) {
            form = .digest
            return (digest, nil)
        }
        // Changed: the tree goes on with the leaf of the form the log is in.
        return (form == .whole ? whole ?? digest : digest, .altered(seq: seq))
    }

    /// What is left to say once every entry was read: purged entries no `data.purged` entry lists.
    public func finish() -> [Finding] {
        purged.filter { !listed.contains($0) }.map { .purgeNotListed(seq: $0) }
    }

    private mutating func purgedLeaf(
        seq: Int, at: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer, action: UnsafeRawBufferPointer,
        payload: UnsafeRawBufferPointer, stored: UnsafeRawBufferPointer
    ) -> (hash: Hash, finding: Finding?) {
        purged.append(seq)
        let personal = Self.personal.contains(Array(action))
        guard let kept = PurgedPayload.digest(payload) else {
            // Not the form `purge` writes: it is checked as any payload, and cannot match.
            let leaf =
                form == .whole
                ? wholeLeaf(seq: seq, at: at, actor: actor, action: action, payload: payload)
                : digestLeaf(seq: seq, at: at, actor: actor, action: action, digest: .sha256(unsafeBytes: payload))
            return (leaf, personal ? .altered(seq: seq) : .purgeNotAllowed(seq: seq, action: String(decoding: action, as: UTF8.self)))
        }
        let leaf = digestLeaf(seq: seq, at: at, actor: actor, action: action, digest: kept)
        guard personal else { return (leaf, .purgeNotAllowed(seq: seq, action: String(decoding: action, as: UTF8.self))) }
        if Self.matches(stored, leaf) {
            form = .digest
            return (leaf, nil)
        }
        if form != .digest, stored.count == 32 {
            // Purged in form 1: nothing left to check it against; its stored leaf stands.
            return (Hash(unsafeBytes: stored), nil)
        }
        return (leaf, .altered(seq: seq))
    }

    private mutating func wholeLeaf(
        seq: Int, at: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer, action: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer
    ) -> Hash {
        entry.removeAll(keepingCapacity: true)
        CanonicalJSON.appendEntry(seq: seq, at: at, actor: actor, action: action, payload: payload, to: &entry)
        return entry.withUnsafeBytes { MerkleTree.leafHash(unsafeBytes: $0) }
    }

    private mutating func digestLeaf(
        seq: Int, at: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer, action: UnsafeRawBufferPointer, digest: Hash
    ) -> Hash {
        entry.removeAll(keepingCapacity: true)
        AuditLeaf.appendHeader(seq: seq, at: at, actor: actor, action: action, payloadDigest: digest, to: &entry)
        return entry.withUnsafeBytes { MerkleTree.leafHash(unsafeBytes: $0) }
    }

    private static func matches(_ stored: UnsafeRawBufferPointer, _ leaf: Hash) -> Bool {
        stored.count == 32 && Hash(unsafeBytes: stored) == leaf
    }

    private struct Listed: Decodable { var entries: [Int]? }

    /// The entries a `data.purged` payload lists.
    private static func listed(in payload: UnsafeRawBufferPointer) -> [Int] {
        (try? JSONDecoder().decode(Listed.self, from: Data(payload)))?.entries ?? []
    }
}
