public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

/// Assemblies and attendance: intent-named writes, each checked by the statute in force on the
/// assembly's date and audited in the same transaction.
extension AppDatabase {
    /// Plans an assembly; returns it with advice (e.g. a long gap since the last one).
    public func scheduleAssembly(date: CivilDate, place: String, agendaKinds: [String] = [], today: CivilDate,
                                 actor: Actor = .system) throws -> (Assembly, [Advice]) {
        try writer.write { db in
            let (statute, _) = try Self.statute(db, on: date)
            let existing = try Self.assemblies(db)
            let id = (existing.map(\.id).max() ?? 0) + 1
            let (assembly, advice) = try AssemblyRules(statute: statute).schedule(
                id: id, date: date, place: place, today: today, agendaKinds: agendaKinds.map(DecisionKindNames.canonical), existing: existing)
            try db.execute(sql: "INSERT INTO assembly (id, date, place, state, agenda_kinds) VALUES (?, ?, ?, 'scheduled', ?)",
                           arguments: [id, date.description, place, assembly.agendaKinds.joined(separator: ",")])
            try audit(db, actor, "assembly.scheduled", ["assembly": .int(id), "date": .string(date.description), "place": .string(place),
                                                         "agenda": .array(assembly.agendaKinds.map(JSONValue.string))])
            return (assembly, advice)
        }
    }

    /// Sends the notice: checks the notice period and freezes the electorate on the reference date.
    public func callAssembly(_ id: Int, on day: CivilDate, actor: Actor = .system) throws -> (assembly: Assembly, electorate: Int) {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            let (statute, version) = try Self.statute(db, on: assembly.date)
            let called = try AssemblyRules(statute: statute).call(assembly, on: day)
            guard let reference = called.referenceDate else { throw StoreError("no reference date") }
            let (referenceStatute, _) = try Self.statute(db, on: reference)
            let members = try Self.members(db, on: reference, statute: referenceStatute)
            let insert = try db.cachedStatement(sql: "INSERT INTO electorate (assembly_id, resident_id) VALUES (?, ?)")
            for member in members { try insert.execute(arguments: [id, member.id.rawValue]) }
            try db.execute(sql: "UPDATE assembly SET state = 'called', called_on = ?, reference_date = ? WHERE id = ?",
                           arguments: [day.description, reference.description, id])
            // Calling an assembly answers the members' demands received before it.
            try db.execute(sql: "UPDATE assembly_demand SET answered_by = ? WHERE answered_by IS NULL AND received_on <= ?",
                           arguments: [id, day.description])
            try audit(db, actor, "assembly.called", ["assembly": .int(id), "calledOn": .string(day.description),
                                                      "referenceDate": .string(reference.description), "electorate": .int(members.count),
                                                      "statuteVersion": .int(Int(version.id))])
            return (called, members.count)
        }
    }

    /// Opens the assembly on its day; returns the quorum at opening.
    public func openAssembly(_ id: Int, on day: CivilDate, actor: Actor = .system) throws -> QuorumStatus {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            // A day given by hand records what happened; a day still to come has not happened.
            guard day <= clock.today() else {
                throw StoreError("assembly \(id) cannot be recorded as opened on \(day): that day is still to come (today is \(clock.today()))")
            }
            let (statute, _) = try Self.statute(db, on: assembly.date)
            _ = try AssemblyRules(statute: statute).open(assembly, on: day)
            try db.execute(sql: "UPDATE assembly SET state = 'open' WHERE id = ?", arguments: [id])
            let quorum = QuorumStatus.check(statute.quorum, attendance: try Self.attendance(db, id),
                                            electorate: try Self.electorate(db, id).count)
            try audit(db, actor, "assembly.opened", ["assembly": .int(id), "quorumMet": .bool(quorum.met),
                                                      "counted": .int(quorum.counted), "needed": .int(quorum.needed)])
            return quorum
        }
    }

    /// Closes the assembly; returns the audit head to print on the minutes.
    public func closeAssembly(_ id: Int, actor: Actor = .system) throws -> AuditHead {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            _ = try AssemblyRules(statute: statute).close(assembly)
            if let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE proposal.assembly_id = ? AND ballot.state = 'open'", arguments: [id]), open > 0 {
                throw StoreError("assembly \(id) still has \(open) open ballot\(open == 1 ? "" : "s"); close them first")
            }
            try db.execute(sql: "UPDATE assembly SET state = 'closed' WHERE id = ?", arguments: [id])
            var appender = try AuditAppender(db, at: clock.now())
            try appender.append(actor: actor, action: "assembly.closed", payload: .object(["assembly": .int(id)]))
            return try appender.finish(db)
        }
    }

    /// Every assembly, by date.
    public func assemblies() throws -> [Assembly] { try writer.read { try Self.assemblies($0) } }

    /// Marks a member of the assembly's electorate present.
    public func checkIn(_ member: ResidentID, assembly id: Int, actor: Actor = .desk("balie")) throws -> QuorumStatus {
        try checkIn([member], assembly: id, actor: actor)
    }

    /// Marks members present in one transaction (a paper attendance list typed in afterwards):
    /// all or none, each with its own audit entry.
    public func checkIn(_ members: [ResidentID], assembly id: Int, actor: Actor = .desk("balie")) throws -> QuorumStatus {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            guard assembly.state == .called || assembly.state == .open else {
                throw StoreError("check-in is possible once assembly \(id) is called and until it closes; it is \(assembly.state.rawValue)")
            }
            let (statute, _) = try Self.statute(db, on: assembly.date)
            var attendance = try Self.attendance(db, id)
            let electorate = try Self.electorate(db, id)
            var appender = try AuditAppender(db, at: clock.now())
            for member in members {
                try attendance.checkIn(member, electorate: electorate, statute: statute)
                try db.execute(sql: "INSERT INTO attendance (assembly_id, resident_id) VALUES (?, ?)", arguments: [id, member.rawValue])
                // Checking in activates the member's voting code.
                try db.execute(sql: "UPDATE voting_code SET state = 'active' WHERE assembly_id = ? AND resident_id = ? AND state = 'issued'",
                               arguments: [id, member.rawValue])
                try db.execute(sql: "DELETE FROM proxy WHERE assembly_id = ? AND giver = ?", arguments: [id, member.rawValue])
                try appender.append(actor: actor, action: "member.checked-in", payload: .object(["assembly": .int(id), "id": .string(member.rawValue)]))
            }
            try appender.finish(db)
            return QuorumStatus.check(statute.quorum, attendance: attendance, electorate: electorate.count)
        }
    }

    /// Records a proxy from `giver` to `holder` (who must be present).
    public func proxy(from giver: ResidentID, to holder: ResidentID, assembly id: Int, actor: Actor = .desk("balie")) throws -> QuorumStatus {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            var attendance = try Self.attendance(db, id)
            let electorate = try Self.electorate(db, id)
            try attendance.proxy(from: giver, to: holder, electorate: electorate, statute: statute)
            try db.execute(sql: "INSERT INTO proxy (assembly_id, giver, holder) VALUES (?, ?, ?)", arguments: [id, giver.rawValue, holder.rawValue])
            // The holder votes with the giver's code, which becomes active now.
            try db.execute(sql: "UPDATE voting_code SET state = 'active' WHERE assembly_id = ? AND resident_id = ? AND state = 'issued'",
                           arguments: [id, giver.rawValue])
            try audit(db, actor, "proxy.recorded", ["assembly": .int(id), "giver": .string(giver.rawValue), "holder": .string(holder.rawValue)])
            return QuorumStatus.check(statute.quorum, attendance: attendance, electorate: electorate.count)
        }
    }

    /// The attendance and electorate size of an assembly.
    public func attendance(assembly id: Int) throws -> (attendance: Attendance, electorate: Set<ResidentID>) {
        try writer.read { db in (try Self.attendance(db, id), try Self.electorate(db, id)) }
    }

    /// Records members' demand for an assembly; returns the day by which the board must call it.
    public func demandAssembly(supporters: Int, on day: CivilDate, actor: Actor = .system) throws -> AssemblyDemand {
        try writer.write { db in
            let (statute, _) = try Self.statute(db, on: day)
            let members = try Self.members(db, on: day, statute: statute).count
            let demand = try AssemblyRules(statute: statute).demand(supporters: supporters, of: members, on: day)
            try db.execute(sql: "INSERT INTO assembly_demand (received_on, supporters, call_by) VALUES (?, ?, ?)",
                           arguments: [day.description, supporters, demand.callBy.description])
            try audit(db, actor, "assembly.demanded", ["receivedOn": .string(day.description), "supporters": .int(supporters),
                                                        "members": .int(members), "callBy": .string(demand.callBy.description)])
            return demand
        }
    }

    /// Members' demands not yet answered by calling an assembly, with the day to call by.
    public func openDemands() throws -> [AssemblyDemand] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assembly_demand WHERE answered_by IS NULL ORDER BY call_by").map { row in
                AssemblyDemand(receivedOn: StoredValues.date(row["received_on"]) ?? CivilDate(dayNumber: 0), supporters: row["supporters"],
                               callBy: StoredValues.date(row["call_by"]) ?? CivilDate(dayNumber: 0))
            }
        }
    }

    // MARK: Reading inside a transaction

    static func assembly(_ db: Database, _ id: Int) throws -> Assembly {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM assembly WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("there is no assembly \(id)")
        }
        return assembly(row)
    }

    static func assemblies(_ db: Database) throws -> [Assembly] {
        try Row.fetchAll(db, sql: "SELECT * FROM assembly ORDER BY date, id").map(assembly)
    }

    private static func assembly(_ row: Row) -> Assembly {
        let kinds: String = row["agenda_kinds"]
        return Assembly(id: row["id"], date: StoredValues.date(row["date"]) ?? CivilDate(dayNumber: 0), place: row["place"],
                        state: Assembly.State(rawValue: row["state"]) ?? .scheduled, calledOn: StoredValues.date(row["called_on"]),
                        referenceDate: StoredValues.date(row["reference_date"]),
                        agendaKinds: kinds.split(separator: ",").map(String.init))
    }

    static func electorate(_ db: Database, _ id: Int) throws -> Set<ResidentID> {
        Set(try String.fetchAll(db, sql: "SELECT resident_id FROM electorate WHERE assembly_id = ?", arguments: [id]).map(ResidentID.init))
    }

    static func attendance(_ db: Database, _ id: Int) throws -> Attendance {
        var attendance = Attendance()
        attendance.restore(
            present: Set(try String.fetchAll(db, sql: "SELECT resident_id FROM attendance WHERE assembly_id = ?", arguments: [id]).map(ResidentID.init)),
            proxies: Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT giver, holder FROM proxy WHERE assembly_id = ?", arguments: [id])
                .map { (ResidentID($0["giver"] as String), ResidentID($0["holder"] as String)) }))
        return attendance
    }

    /// Appends one audit entry and updates the head, in the caller's transaction.
    func audit(_ db: Database, _ actor: Actor, _ action: String, _ payload: [String: JSONValue]) throws {
        var appender = try AuditAppender(db, at: clock.now())
        try appender.append(actor: actor, action: action, payload: .object(payload))
        try appender.finish(db)
    }
}
