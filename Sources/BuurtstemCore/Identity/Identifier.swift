public import Statuut

/// What an identifier names; each kind is its own type, so a ballot's id cannot be passed where a
/// proposal's is meant (the compiler refuses it).
public protocol IdentifierKind: Sendable {}

/// The id of an assembly, ballot, proposal, board member or application: the row id the database gave it, as a type of its own.
/// It is written as its bare number everywhere (JSON, audit payloads, the database, URLs), so a
/// typed id changes no stored byte.
public struct Identifier<Kind: IdentifierKind>: RawRepresentable, Sendable, Hashable, Comparable, Codable,
    ExpressibleByIntegerLiteral, LosslessStringConvertible, NumberedIdentifier
{
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { self.rawValue = value }

    /// Reads an id written as a bare number (`12`); nil for anything else.
    public init?(_ description: String) {
        guard let value = Int(description) else { return nil }
        self.rawValue = value
    }

    public var description: String { String(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An id written as its number (the audit payload writer reads ids through this).
public protocol NumberedIdentifier {
    var rawValue: Int { get }
}

/// Names an assembly.
public enum AssemblyKind: IdentifierKind {}
/// Names a ballot.
public enum BallotKind: IdentifierKind {}
/// Names a proposal.
public enum ProposalKind: IdentifierKind {}
/// Names a seat on the board as held by one person from one appointment.
public enum BoardMemberKind: IdentifierKind {}
/// Names a membership application.
public enum ApplicationKind: IdentifierKind {}

/// Names a version of the statute.
public enum StatuteVersionKind: IdentifierKind {}

/// The id of a general assembly.
public typealias AssemblyID = Identifier<AssemblyKind>
/// The id of a ballot (one vote on one proposal; a second round is a ballot of its own).
public typealias BallotID = Identifier<BallotKind>
/// The id of a proposal.
public typealias ProposalID = Identifier<ProposalKind>
/// The id of a board member's appointment.
public typealias BoardMemberID = Identifier<BoardMemberKind>
/// The id of a membership application.
public typealias ApplicationID = Identifier<ApplicationKind>

/// The id of a statute version (the founding statute is 1).
public typealias StatuteVersionID = Identifier<StatuteVersionKind>

extension JSONValue {
    /// An id as JSON: its bare number.
    public static func id(_ id: some NumberedIdentifier) -> JSONValue { .int(id.rawValue) }
}
