public import Statuut

/// An event whose payload is its stored properties: each property's name is a key, its value a
/// string, a whole number, a boolean or a list of strings (an optional that is nil is an absent key). For events of
/// plain values only; a property of any other type stops the program (a programming error, caught
/// by the tests of every event).
public protocol PlainAuditEvent: AuditEvent {}

extension PlainAuditEvent {
    public var payload: JSONValue {
        var object: [String: JSONValue] = [:]
        for child in Mirror(reflecting: self).children {
            guard let key = child.label else { continue }
            switch child.value {
            case let value as String: object[key] = .string(value)
            case let value as Int: object[key] = .int(value)
            case let value as Bool: object[key] = .bool(value)
            case let value as String?: if let value { object[key] = .string(value) }
            case let value as Int?: if let value { object[key] = .int(value) }
            case let value as Bool?: if let value { object[key] = .bool(value) }
            case let value as any NumberedIdentifier: object[key] = .int(value.rawValue)
            case let value as (any NumberedIdentifier)?: if let value { object[key] = .int(value.rawValue) }
            case let value as [String]: object[key] = .array(value.map(JSONValue.string))
            case let value as any NullWritten: object[key] = value.json
            default: preconditionFailure("\(Self.action.rawValue).\(key) is not a string, number or boolean")
            }
        }
        return .object(object)
    }
}

/// A value whose absence is written as `null` (the key is always there), as some entries have
/// always been written.
public protocol NullWritten {
    var json: JSONValue { get }
}

/// An optional string or number written as `null` when absent.
public struct OrNull<Wrapped: Sendable & Hashable & Decodable>: NullWritten, Sendable, Hashable, Decodable {
    public var value: Wrapped?
    public init(_ value: Wrapped?) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Wrapped.self)
    }

    public var json: JSONValue {
        switch value {
        case let string as String: return .string(string)
        case let int as Int: return .int(int)
        case let bool as Bool: return .bool(bool)
        case let id as any NumberedIdentifier: return .int(id.rawValue)
        default: return .null
        }
    }
}

/// The association was created with its founding statute.
public struct AssociationCreated: PlainAuditEvent, Hashable {
    public static let action = AuditAction.associationCreated
    public var name: String
    public init(name: String) { self.name = name }
}

/// A staff account was added (desk or board).
public struct StaffAdded: PlainAuditEvent, Hashable {
    public static let action = AuditAction.staffAdded
    public var name: String
    public var role: String
    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// A staff account got a new password (and is enabled again).
public struct StaffPasswordSet: PlainAuditEvent, Hashable {
    public static let action = AuditAction.staffPasswordSet
    public var name: String
    public init(name: String) { self.name = name }
}

/// A staff account was disabled.
public struct StaffDisabled: PlainAuditEvent, Hashable {
    public static let action = AuditAction.staffDisabled
    public var name: String
    public init(name: String) { self.name = name }
}

/// Voting codes were issued for an assembly: how many (never the codes).
public struct CodesIssued: PlainAuditEvent, Hashable {
    public static let action = AuditAction.codesIssued
    public var assembly: AssemblyID
    public var count: Int
    public init(assembly: AssemblyID, count: Int) {
        self.assembly = assembly
        self.count = count
    }
}

/// A board member left the board on a day.
public struct BoardLeft: PlainAuditEvent, Hashable {
    public static let action = AuditAction.boardLeft
    public var member: BoardMemberID
    public var name: String
    public var on: String
    public init(member: BoardMemberID, name: String, on day: CivilDate) {
        self.member = member
        self.name = name
        self.on = day.description
    }
}

/// A member supported a proposal on a day.
public struct ProposalSupported: PlainAuditEvent, Hashable {
    public static let action = AuditAction.proposalSupported
    public var proposal: ProposalID
    /// The member's resident id.
    public var id: String
    public var on: String
    public init(proposal: ProposalID, member: ResidentID, on day: CivilDate) {
        self.proposal = proposal
        self.id = member.rawValue
        self.on = day.description
    }
}

/// A proposal was admitted to the agenda.
public struct ProposalAdmitted: PlainAuditEvent, Hashable {
    public static let action = AuditAction.proposalAdmitted
    public var proposal: ProposalID
    public init(proposal: ProposalID) { self.proposal = proposal }
}

/// A proposal was refused, with the reason as the refusal words it.
public struct ProposalRefused: PlainAuditEvent, Hashable {
    public static let action = AuditAction.proposalRefused
    public var proposal: ProposalID
    public var reason: String
    public init(proposal: ProposalID, reason: String) {
        self.proposal = proposal
        self.reason = reason
    }
}

/// An assembly was opened: the quorum at opening.
public struct AssemblyOpened: PlainAuditEvent, Hashable {
    public static let action = AuditAction.assemblyOpened
    public var assembly: AssemblyID
    public var quorumMet: Bool
    public var counted: Int
    public var needed: Int
    public init(assembly: AssemblyID, quorumMet: Bool, counted: Int, needed: Int) {
        self.assembly = assembly
        self.quorumMet = quorumMet
        self.counted = counted
        self.needed = needed
    }
}

/// An assembly was closed; the head after this entry is printed on the minutes.
public struct AssemblyClosed: PlainAuditEvent, Hashable {
    public static let action = AuditAction.assemblyClosed
    public var assembly: AssemblyID
    public init(assembly: AssemblyID) { self.assembly = assembly }
}

/// A member checked in at the desk.
public struct MemberCheckedIn: PlainAuditEvent, Hashable {
    public static let action = AuditAction.memberCheckedIn
    public var assembly: AssemblyID
    /// The member's resident id.
    public var id: String
    public init(assembly: AssemblyID, member: ResidentID) {
        self.assembly = assembly
        self.id = member.rawValue
    }
}

/// A proxy was recorded: who gave it and who holds it.
public struct ProxyRecorded: PlainAuditEvent, Hashable {
    public static let action = AuditAction.proxyRecorded
    public var assembly: AssemblyID
    public var giver: String
    public var holder: String
    public init(assembly: AssemblyID, giver: ResidentID, holder: ResidentID) {
        self.assembly = assembly
        self.giver = giver.rawValue
        self.holder = holder.rawValue
    }
}

/// The annual accounts were presented to the members.
public struct AccountsPresented: PlainAuditEvent, Hashable {
    public static let action = AuditAction.accountsPresented
    public var year: Int
    public var on: String
    public init(year: Int, on day: CivilDate) {
        self.year = year
        self.on = day.description
    }
}

/// A witness (a place the signed head is copied to) was added.
public struct WitnessAdded: PlainAuditEvent, Hashable {
    public static let action = AuditAction.witnessAdded
    public var path: String
    public init(path: String) { self.path = path }
}

/// An assembly was called: on which day, its reference date, the electorate and the statute version.
public struct AssemblyCalled: PlainAuditEvent, Hashable {
    public static let action = AuditAction.assemblyCalled
    public var assembly: AssemblyID
    public var calledOn: String
    public var referenceDate: String
    public var electorate: Int
    public var statuteVersion: Int
    public init(assembly: AssemblyID, calledOn: CivilDate, referenceDate: CivilDate, electorate: Int, statuteVersion: Int) {
        self.assembly = assembly
        self.calledOn = calledOn.description
        self.referenceDate = referenceDate.description
        self.electorate = electorate
        self.statuteVersion = statuteVersion
    }
}

/// An item that failed for lack of quorum was carried to a second meeting as a new proposal.
public struct ProposalCarried: PlainAuditEvent, Hashable {
    public static let action = AuditAction.proposalCarried
    /// The new proposal, the one it was carried from, and the two assemblies.
    public var proposal: ProposalID
    public var from: ProposalID
    public var assembly: AssemblyID
    public var firstMeeting: AssemblyID
    public init(proposal: ProposalID, from: ProposalID, assembly: AssemblyID, firstMeeting: AssemblyID) {
        self.proposal = proposal
        self.from = from
        self.assembly = assembly
        self.firstMeeting = firstMeeting
    }
}

/// Members demanded an assembly: when, how many of how many, and the day it must be called by.
public struct AssemblyDemanded: PlainAuditEvent, Hashable {
    public static let action = AuditAction.assemblyDemanded
    public var receivedOn: String
    public var supporters: Int
    public var members: Int
    public var callBy: String
    public init(receivedOn: CivilDate, supporters: Int, members: Int, callBy: CivilDate) {
        self.receivedOn = receivedOn.description
        self.supporters = supporters
        self.members = members
        self.callBy = callBy.description
    }
}

/// An affiliated organisation confirmed the statute's principles for a year.
public struct OrganisationConfirmed: PlainAuditEvent, Hashable {
    public static let action = AuditAction.organisationConfirmed
    public var organisation: String
    public var year: Int
    public var on: String
    public var text: String
    public init(organisation: String, year: Int, on day: CivilDate, text: String) {
        self.organisation = organisation
        self.year = year
        self.on = day.description
        self.text = text
    }
}

/// The association's key for signing the log's heads was created: its public half.
public struct KeyCreated: PlainAuditEvent, Hashable {
    public static let action = AuditAction.keyCreated
    public var publicKey: String
    public init(publicKey: String) { self.publicKey = publicKey }
}

/// The log's head was signed and sent to witnesses.
public struct AuditWitnessed: PlainAuditEvent, Hashable {
    public static let action = AuditAction.auditWitnessed
    public var size: Int
    public var root: String
    public var witnesses: [String]
    public init(size: Int, root: String, witnesses: [String]) {
        self.size = size
        self.root = root
        self.witnesses = witnesses
    }
}

/// An assembly was scheduled: its date, place, the kinds of decision on its agenda, and the
/// assembly it is the second meeting of.
public struct AssemblyScheduled: PlainAuditEvent, Hashable {
    public static let action = AuditAction.assemblyScheduled
    public var assembly: AssemblyID
    public var date: String
    public var place: String
    public var agenda: [String]
    public var secondMeetingOf: AssemblyID?
    public init(assembly: AssemblyID, date: CivilDate, place: String, agenda: [String], secondMeetingOf: AssemblyID?) {
        self.assembly = assembly
        self.date = date.description
        self.place = place
        self.agenda = agenda
        self.secondMeetingOf = secondMeetingOf
    }
}

/// A proposal was submitted: to which assembly, its title and kind, by whom (the board, the
/// members or a named party) and with how many supporters.
public struct ProposalSubmitted: PlainAuditEvent, Hashable {
    public static let action = AuditAction.proposalSubmitted
    public var proposal: ProposalID
    public var assembly: AssemblyID
    public var title: String
    public var kind: String
    public var by: String
    public var supporters: Int
    public init(proposal: ProposalID, assembly: AssemblyID, title: String, kind: String, by: String, supporters: Int) {
        self.proposal = proposal
        self.assembly = assembly
        self.title = title
        self.kind = kind
        self.by = by
        self.supporters = supporters
    }
}

/// Which of several actions that share one payload an event is logged as.
public protocol LoggedAs {
    static var action: AuditAction { get }
}

/// A board seat taken: by appointment, or by reappointment of a sitting member for a new term.
public enum BoardSeat {
    public enum Appointed: LoggedAs { public static let action = AuditAction.boardAppointed }
    public enum Reappointed: LoggedAs { public static let action = AuditAction.boardReappointed }
}

/// A board member was appointed or reappointed: the seat they hold for a party (written as null
/// when none) and the first day.
public struct BoardSeatTaken<Kind: LoggedAs>: PlainAuditEvent, Hashable, Sendable {
    public static var action: AuditAction { Kind.action }
    public var member: BoardMemberID
    public var name: String
    public var seatFor: OrNull<String>
    public var on: String
    public init(member: BoardMemberID, name: String, seatFor: String?, on day: CivilDate) {
        self.member = member
        self.name = name
        self.seatFor = OrNull(seatFor)
        self.on = day.description
    }
}

public typealias BoardAppointed = BoardSeatTaken<BoardSeat.Appointed>
public typealias BoardReappointed = BoardSeatTaken<BoardSeat.Reappointed>

/// A new voting code for a member: whether the old letter was shown (votes carried over), and the
/// first ballot the new code may vote on (null: every ballot).
public struct CodeReissued: PlainAuditEvent, Hashable {
    public static let action = AuditAction.codeReissued
    public var assembly: AssemblyID
    /// The member's resident id.
    public var id: String
    public var oldCodeShown: Bool
    public var firstBallot: OrNull<BallotID>
    public init(assembly: AssemblyID, member: ResidentID, oldCodeShown: Bool, firstBallot: BallotID?) {
        self.assembly = assembly
        self.id = member.rawValue
        self.oldCodeShown = oldCodeShown
        self.firstBallot = OrNull(firstBallot)
    }
}

/// A decision taken outside a meeting, in writing: its title and kind, the day, the members, the
/// count, the outcome and who voted.
public struct DecisionOutsideMeeting: PlainAuditEvent, Hashable {
    public static let action = AuditAction.decisionOutsideMeeting
    public var title: String
    public var kind: String
    public var on: String
    public var members: Int
    public var yes: Int
    public var no: Int
    public var blank: Int
    public var outcome: String
    /// The members who voted in writing, by resident id.
    public var voters: [String]
    public init(title: String, kind: String, on day: CivilDate, members: Int, count: YesNoCount, outcome: String, voters: [ResidentID]) {
        self.title = title
        self.kind = kind
        self.on = day.description
        self.members = members
        self.yes = count.yes
        self.no = count.no
        self.blank = count.blank
        self.outcome = outcome
        self.voters = voters.map(\.rawValue)
    }
}

/// The kinds of response a social shareholder gives.
public enum ShareholderResponseKind {
    public enum Advice: LoggedAs { public static let action = AuditAction.shareholderAdvice }
    public enum Consent: LoggedAs { public static let action = AuditAction.shareholderConsent }
    public enum Refusal: LoggedAs { public static let action = AuditAction.shareholderRefusal }
}

/// A social shareholder's advice, consent or refusal (veto) on a proposal.
public struct ShareholderResponded<Kind: LoggedAs>: PlainAuditEvent, Hashable, Sendable {
    public static var action: AuditAction { Kind.action }
    public var proposal: ProposalID
    public var shareholder: String
    public var on: String
    public var text: String
    public init(proposal: ProposalID, shareholder: String, on day: CivilDate, text: String) {
        self.proposal = proposal
        self.shareholder = shareholder
        self.on = day.description
        self.text = text
    }
}

public typealias ShareholderAdvice = ShareholderResponded<ShareholderResponseKind.Advice>
public typealias ShareholderConsent = ShareholderResponded<ShareholderResponseKind.Consent>
public typealias ShareholderRefusal = ShareholderResponded<ShareholderResponseKind.Refusal>
