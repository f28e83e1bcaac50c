public import BuurtstemCore
public import GRDB

/// A voting code's state: handed out, active once its member checked in (or a proxy was
/// recorded), revoked when a new code replaced it. The table's CHECK holds the same three.
public enum CodeState: String, Sendable, Hashable, DatabaseValueConvertible {
    case issued, active, revoked
}

/// A voting code found by its text: its assembly, its member, its state, and the first ballot it
/// may vote on (a code handed out after a ballot opened votes on later ones only).
public struct FoundCode: Sendable, Hashable {
    public var assembly: Int
    public var member: ResidentID
    public var state: CodeState
    public var firstBallot: Int?
}
