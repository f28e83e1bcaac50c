public import BuurtstemCore
public import GRDB

/// A code's state is stored as its name (the table's CHECK holds the same three).
extension CodeState: DatabaseValueConvertible {}

/// A voting code found by its text: its assembly, its member, its state, and the first ballot it
/// may vote on (a code handed out after a ballot opened votes on later ones only).
public struct FoundCode: Sendable, Hashable {
    public var assembly: AssemblyID
    public var member: ResidentID
    public var state: CodeState
    public var firstBallot: BallotID?
}
