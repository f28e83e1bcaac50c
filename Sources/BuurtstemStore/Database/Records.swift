public import BuurtstemCore
public import GRDB
public import Statuut

// Values as they are stored, and rows as GRDB records: a value that cannot be read is an error
// (GRDB's decoding throws), never a default date or state.

extension CivilDate: DatabaseValueConvertible {
    /// Stored as `YYYY-MM-DD` text.
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CivilDate? {
        String.fromDatabaseValue(dbValue).flatMap { CivilDate(iso: $0) }
    }
}

/// Stored as the bare row id (an INTEGER column).
extension Identifier: DatabaseValueConvertible, StatementColumnConvertible {}

extension Assembly.State: DatabaseValueConvertible {}
extension ShareholderResponse.Kind: DatabaseValueConvertible {}
extension MembershipApplication.State: DatabaseValueConvertible {}
extension AdmissionRule.Body: DatabaseValueConvertible {}
extension TallyMethod: DatabaseValueConvertible {}

extension FetchableRecord where Self: TableRecord {
    /// The row with this key, or nil; a row whose value cannot be read (a state or date no release
    /// wrote) is a `StoreError` that names the table, the key and the column.
    static func fetchReadable(_ db: Database, key: some DatabaseValueConvertible & CustomStringConvertible) throws -> Self? {
        do { return try fetchOne(db, key: key) } catch let error as RowDecodingError {
            throw StoreError(
                nl: "rij \(key) van `\(databaseTableName)` is onleesbaar: \(error)",
                en: "row \(key) of `\(databaseTableName)` cannot be read: \(error)")
        }
    }
}

/// Stored as its text.
extension ResidentID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> ResidentID? { String.fromDatabaseValue(dbValue).map(ResidentID.init) }
}

extension MembershipEvent.Kind: DatabaseValueConvertible {}
extension DecisionOutcome.Result: DatabaseValueConvertible {}

/// A record whose columns are the snake-case of its properties and whose id the database gives.
protocol StoredRow: Codable, FetchableRecord, MutablePersistableRecord {}

extension StoredRow {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A row of `assembly`.
struct AssemblyRow: StoredRow {
    static let databaseTableName = "assembly"

    /// Nil until inserted: the database gives the id.
    var id: AssemblyID?
    var date: CivilDate
    var place: String
    var state: Assembly.State
    var calledOn: CivilDate?
    var referenceDate: CivilDate?
    var agendaKinds: String
    var secondMeetingOf: AssemblyID?

    init(_ assembly: Assembly) {
        (date, place, state, calledOn, referenceDate) = (assembly.date, assembly.place, assembly.state, assembly.calledOn, assembly.referenceDate)
        agendaKinds = assembly.agendaKinds.joined(separator: ",")
        secondMeetingOf = assembly.secondMeetingOf
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = AssemblyID(Int(inserted.rowID)) }

    var assembly: Assembly {
        Assembly(
            id: id ?? 0, date: date, place: place, state: state, calledOn: calledOn, referenceDate: referenceDate,
            agendaKinds: agendaKinds.split(separator: ",").map(String.init), secondMeetingOf: secondMeetingOf)
    }
}

/// A row of `assembly_demand`.
struct AssemblyDemandRow: StoredRow {
    static let databaseTableName = "assembly_demand"

    var id: Int?
    var receivedOn: CivilDate
    var supporters: Int
    var callBy: CivilDate
    var answeredBy: AssemblyID?

    var demand: AssemblyDemand { AssemblyDemand(receivedOn: receivedOn, supporters: supporters, callBy: callBy) }
}

/// A row of `shareholder_response`.
struct ShareholderResponseRow: StoredRow {
    static let databaseTableName = "shareholder_response"

    var id: Int?
    var proposalId: ProposalID
    var shareholder: String
    var kind: ShareholderResponse.Kind
    var onDate: CivilDate
    var text: String

    init(_ response: ShareholderResponse) {
        (proposalId, shareholder, kind, onDate, text) = (response.proposal, response.shareholder, response.kind, response.on, response.text)
    }

    var response: ShareholderResponse {
        ShareholderResponse(shareholder: shareholder, proposal: proposalId, kind: kind, on: onDate, text: text)
    }
}

/// A row of `membership_application`.
struct MembershipApplicationRow: StoredRow {
    static let databaseTableName = "membership_application"

    /// Nil until inserted: the database gives the id.
    var id: ApplicationID?
    var residentId: ResidentID
    var appliedOn: CivilDate
    var intakeOn: CivilDate?
    var meetsProfile: Bool
    var state: MembershipApplication.State
    var decidedBy: AdmissionRule.Body?
    var assemblyId: AssemblyID?
    var decidedOn: CivilDate?
    var reason: String?
    /// When it was recorded (the clock's instant, as text).
    var recordedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = ApplicationID(Int(inserted.rowID)) }

    var application: MembershipApplication {
        MembershipApplication(
            id: id ?? 0, resident: residentId, appliedOn: appliedOn, intakeOn: intakeOn, meetsProfile: meetsProfile,
            state: state, decidedBy: decidedBy, assembly: assemblyId, decidedOn: decidedOn, reason: reason)
    }
}

/// A row of `board_member`.
struct BoardMemberRow: StoredRow {
    static let databaseTableName = "board_member"

    /// Nil until inserted: the database gives the id.
    var id: BoardMemberID?
    var name: String
    var seatFor: String?
    var appointedOn: CivilDate
    var leftOn: CivilDate?
    /// When it was recorded (the clock's instant, as text).
    var recordedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = BoardMemberID(Int(inserted.rowID)) }

    var member: BoardMember { BoardMember(id: id ?? 0, name: name, seatFor: seatFor, appointedOn: appointedOn, leftOn: leftOn) }
}

/// A row of `membership_event`: a request to join or leave an opt-in association.
struct MembershipEventRow: StoredRow {
    static let databaseTableName = "membership_event"

    var id: Int?
    var residentId: ResidentID
    var kind: MembershipEvent.Kind
    var requestedOn: CivilDate
    var effectiveOn: CivilDate
    /// When it was recorded (the clock's instant, as text).
    var recordedAt: String

    var event: MembershipEvent { MembershipEvent(resident: residentId, kind: kind, requestedOn: requestedOn, effectiveOn: effectiveOn) }
}

/// A row of `attendance`: a member checked in at an assembly.
struct AttendanceRow: StoredRow, PersistableRecord {
    static let databaseTableName = "attendance"
    var assemblyId: AssemblyID
    var residentId: ResidentID
}

/// A row of `proxy`: a member who gave their vote to another for one assembly.
struct ProxyRow: StoredRow, PersistableRecord {
    static let databaseTableName = "proxy"
    var assemblyId: AssemblyID
    var giver: ResidentID
    var holder: ResidentID
}

/// A row of `electorate`: a member of an assembly's frozen electorate (fixed when it was called).
struct ElectorateRow: StoredRow, PersistableRecord {
    static let databaseTableName = "electorate"
    var assemblyId: AssemblyID
    var residentId: ResidentID
}
