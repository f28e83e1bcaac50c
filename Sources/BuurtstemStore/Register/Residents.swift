public import BuurtstemCore
public import GRDB
public import Statuut

/// A member on a date: who, and where they lived that day.
public struct Member: Sendable, Hashable {
    public var id: ResidentID
    public var address: Address
    /// Only where the association keeps names.
    public var name: String?
}

extension AppDatabase {
    /// One resident, or nil when the id is unknown.
    public func resident(_ id: ResidentID) throws -> Resident? {
        try writer.read { db in try Self.residents(db, whereClause: "WHERE resident.id = ?", arguments: [id.rawValue]).first }
    }

    /// Join and leave events, by resident.
    public func membershipEvents() throws -> [ResidentID: [MembershipEvent]] {
        try writer.read { db in try Self.membershipEvents(db) }
    }

    static func membershipEvents(_ db: Database) throws -> [ResidentID: [MembershipEvent]] {
        var result: [ResidentID: [MembershipEvent]] = [:]
        // An event that cannot be read is an error (the record's decoding throws): skipping it would change who is a member.
        let events: [MembershipEventRow]
        do { events = try MembershipEventRow.order(Column("id")).fetchAll(db) } catch let error as RowDecodingError {
            throw StoreError(nl: "een lidmaatschapsgebeurtenis is onleesbaar: \(error)", en: "a membership event cannot be read: \(error)")
        }
        for event in events { result[event.residentId, default: []].append(event.event) }
        return result
    }

    /// The members on `date` by the statute in force on that date, sorted by id, with that statute.
    ///
    /// Reads only the residences that cover the date and lie within the membership area's
    /// postcode range, then applies the statute's rules (`MembershipRules`) to each.
    public func members(on date: CivilDate) throws -> (members: [Member], statute: Statute) {
        let (statute, _) = try self.statute(on: date)
        let members = try writer.read { db in try Self.members(db, on: date, statute: statute) }
        return (members, statute)
    }

    /// The members on `date` under `statute`, inside a transaction the caller holds.
    static func members(_ db: Database, on date: CivilDate, statute: Statute) throws -> [Member] {
        let rules = MembershipRules(statute: statute)
        let events = try membershipEvents(db)
        guard let bounds = statute.membershipArea?.bounds else { return [] }
        var members: [Member] = []
        let rows = try RawStatement(
            db,
            sql: """
                SELECT resident.id, resident.birth_date, resident.birth_year, resident.name,
                       residence.postcode, residence.house_number, residence.addition
                FROM residence JOIN resident ON resident.id = residence.resident_id
                WHERE (residence.moved_in IS NULL OR residence.moved_in <= ?1)
                  AND (residence.moved_out IS NULL OR residence.moved_out > ?1)
                  AND residence.postcode BETWEEN ?2 AND ?3
                ORDER BY resident.id, residence.id
                """)
        rows.bind(1, text: date.description)
        rows.bind(2, text: bounds.lower.description)
        rows.bind(3, text: bounds.upper.description)
        var lastID: [UInt8] = []
        var last: (address: Address, birth: Birth?, name: String?)?
        func decide() {
            guard let current = last else { return }
            let id = ResidentID(String(decoding: lastID, as: UTF8.self))
            if rules.isMember(living: current.address, birth: current.birth, on: date, events: events.isEmpty ? [] : events[id] ?? []) {
                members.append(Member(id: id, address: current.address, name: current.name))
            }
        }
        while try rows.step() {
            // A stored postcode that cannot be read is an error, never a member left out.
            guard let postcode = rows.withBytes(4, { try? Postcode(utf8: $0) }) else {
                _ = try StoredValues.postcode(rows.text(4), of: rows.text(0) ?? "")
                continue
            }
            let address = Address(postcode: postcode, houseNumber: rows.int(5), addition: rows.isNull(6) ? nil : rows.text(6))
            let same = rows.withBytes(0) { $0.elementsEqual(lastID) }
            if !same {
                decide()
                lastID = rows.withBytes(0) { Array($0) }
            }
            let birth: Birth?
            if !rows.isNull(1), let d = rows.withBytes(1, { CivilDate(isoUTF8: $0) }) {
                birth = .date(d)
            } else {
                birth = rows.isNull(2) ? nil : .year(rows.int(2))
            }
            // Overlapping periods should not exist; where they do, the latest residence counts.
            last = (address, birth, rows.isNull(3) ? nil : rows.text(3))
        }
        decide()
        return members
    }

    /// Records a join (opt-in statutes), checked against the statute in force on `date`.
    @discardableResult
    public func join(
        _ id: ResidentID, on date: CivilDate, intakeOn: CivilDate? = nil, meetsProfile: Bool = false,
        actor: AuditActor = .system
    ) throws -> MembershipEvent {
        let (statute, _) = try self.statute(on: date)
        guard statute.admission.value.decidedBy == .board || statute.membership.value.mode != .optIn else {
            throw StoreError(
                nl:
                    "de algemene vergadering beslist over toelating (\(statute.admission.source.cited(in: .nl))): leg de aanvraag vast (`members apply`) en het besluit van de vergadering (`members decide --assembly N`)",
                en:
                    "the general assembly decides on admission (\(statute.admission.source.cited(in: .en))): record the application (`members apply`) and the assembly's decision (`members decide --assembly N`)"
            )
        }
        // The board's decision on an application made the same day: both are kept.
        return try recordMembership(id, on: date, actor: actor, application: (intakeOn, meetsProfile)) { rules, resident, events in
            try rules.join(resident, on: date, events: events, intakeOn: intakeOn, meetsProfile: meetsProfile)
        }
    }

    /// Records a resignation; it takes effect as the statute in force on `date` says.
    @discardableResult
    public func leave(_ id: ResidentID, on date: CivilDate, actor: AuditActor = .system) throws -> MembershipEvent {
        try recordMembership(id, on: date, actor: actor, application: nil) { rules, resident, events in
            try rules.leave(resident, on: date, events: events)
        }
    }

    private func recordMembership(
        _ id: ResidentID, on date: CivilDate, actor: AuditActor, application: (intakeOn: CivilDate?, meetsProfile: Bool)?,
        decide: (MembershipRules, Resident, [MembershipEvent]) throws -> MembershipEvent
    ) throws -> MembershipEvent {
        let (statute, version) = try self.statute(on: date)
        return try writer.write { db in
            let resident = try Self.resident(db, id)
            let events = try Self.membershipEvents(db)[id] ?? []
            let event = try decide(MembershipRules(statute: statute), resident, events)
            let now = clock.now()
            var audit = try AuditAppender(db, at: now)
            var recordedApplication: ApplicationID?
            if let application {
                var row = MembershipApplicationRow(
                    residentId: id, appliedOn: date, intakeOn: application.intakeOn, meetsProfile: application.meetsProfile, state: .granted,
                    decidedBy: .board, decidedOn: date, recordedAt: now.description)
                try row.insert(db)
                recordedApplication = row.id
            }
            try Self.insert(
                db, event, version: version, at: now, actor: actor, appender: &audit, application: recordedApplication,
                decidedBy: recordedApplication == nil ? nil : AdmissionRule.Body.board.rawValue)
            try audit.finish(db)
            return event
        }
    }

    /// The positions of a resident's columns in the SELECTs that read residents with their residences.
    enum ResidentColumn {
        static let id = 0, birthDate = 1, birthYear = 2, name = 3, postcode = 4, houseNumber = 5, addition = 6, movedIn = 7, movedOut = 8
    }

    /// The residents matching `whereClause` (on `resident`/`residence`), with their residence history.
    static func residents(_ db: Database, whereClause: String, arguments: StatementArguments) throws -> [Resident] {
        var result: [Resident] = []
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT resident.id, resident.birth_date, resident.birth_year, resident.name,
                       residence.postcode, residence.house_number, residence.addition, residence.moved_in, residence.moved_out
                FROM resident JOIN residence ON residence.resident_id = resident.id
                \(whereClause)
                ORDER BY resident.id, residence.id
                """, arguments: arguments)
        // Read by position for speed (a million rows); `ResidentColumn` names each position of the SELECT above.
        typealias C = ResidentColumn
        while let row = try cursor.next() {
            let id: String = row[C.id]
            let postcode = try StoredValues.postcode(row[C.postcode], of: id)
            let residence = Residence(
                address: Address(postcode: postcode, houseNumber: row[C.houseNumber], addition: row[C.addition]),
                movedIn: StoredValues.date(row[C.movedIn]), movedOut: StoredValues.date(row[C.movedOut]))
            if result.last?.id.rawValue == id {
                result[result.count - 1].residences.append(residence)
            } else {
                result.append(
                    Resident(id: ResidentID(id), birth: StoredValues.birth(row[C.birthDate], row[C.birthYear]), name: row[C.name], residences: [residence]))
            }
        }
        return result
    }
}
