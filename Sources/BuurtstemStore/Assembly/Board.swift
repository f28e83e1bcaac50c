public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

/// The board's composition, as the statute wants it checked: appointments, departures and
/// reappointments, each checked by the statute in force on its day and audited with it.
extension AppDatabase {
    /// Appoints a board member from `day` (in a party's seat with `seatFor`).
    @discardableResult
    public func appointBoardMember(name: String, seatFor party: String? = nil, on day: CivilDate, actor: AuditActor = .system) throws -> BoardMember {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try writer.write { db in
            guard day <= clock.today() else {
                throw StoreError(
                    nl: "een benoeming kan niet worden vastgelegd op \(day): die dag moet nog komen",
                    en: "an appointment cannot be recorded on \(day): that day is still to come")
            }
            let (statute, _) = try Self.statute(db, on: day)
            try BoardRules(statute: statute).appoint(name: name, seatFor: party, on: day, board: try Self.boardMembers(db))
            return try Self.insertBoardMember(db, name: name, seatFor: party, on: day, now: clock.now(), actor: actor, reappointed: false)
        }
    }

    /// A member leaves the board; `day` is the first day no longer on it.
    public func boardMemberLeaves(name: String, on day: CivilDate, actor: AuditActor = .system) throws {
        try writer.write { db in
            guard day <= clock.today() else {
                throw StoreError(
                    nl: "een vertrek kan niet worden vastgelegd op \(day): die dag moet nog komen",
                    en: "a departure cannot be recorded on \(day): that day is still to come")
            }
            let member = try Self.sittingMember(db, name, on: day)
            try Self.leave(db, member, on: day)
            try audit(db, actor, BoardLeft(member: member.id, name: member.name, on: day))
        }
    }

    /// Reappoints a sitting member for a new term from `day` (their seat stays theirs).
    @discardableResult
    public func reappointBoardMember(name: String, on day: CivilDate, actor: AuditActor = .system) throws -> BoardMember {
        try writer.write { db in
            guard day <= clock.today() else {
                throw StoreError(
                    nl: "een herbenoeming kan niet worden vastgelegd op \(day): die dag moet nog komen",
                    en: "a reappointment cannot be recorded on \(day): that day is still to come")
            }
            let member = try Self.sittingMember(db, name, on: day)
            guard day > member.appointedOn else {
                throw StoreError(
                    nl: "\(name) is benoemd op \(member.appointedOn); een nieuwe termijn begint daarna",
                    en: "\(name) was appointed on \(member.appointedOn); a new term starts after that")
            }
            try Self.leave(db, member, on: day)
            return try Self.insertBoardMember(
                db, name: member.name, seatFor: member.seatFor, on: day, now: clock.now(), actor: actor, reappointed: true)
        }
    }

    /// Everyone who sat on the board, by appointment.
    public func boardMembers() throws -> [BoardMember] { try writer.read { try Self.boardMembers($0) } }

    static func boardMembers(_ db: Database) throws -> [BoardMember] {
        try BoardMemberRow.order(Column("appointed_on"), Column("id")).fetchAll(db).map(\.member)
    }

    /// Ends a seat: `day` is the first day no longer on the board.
    private static func leave(_ db: Database, _ member: BoardMember, on day: CivilDate) throws {
        guard var row = try BoardMemberRow.fetchReadable(db, key: member.id) else {
            throw StoreError.notFound(nl: "er is geen bestuurslid \(member.id)", en: "there is no board member \(member.id)")
        }
        row.leftOn = day
        try row.update(db)
    }

    private static func sittingMember(_ db: Database, _ name: String, on day: CivilDate) throws -> BoardMember {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let member = try boardMembers(db).first(where: { $0.name == name && $0.sits(on: day) }) else {
            throw StoreError.notFound(nl: "\(name) zit op \(day) niet in het bestuur", en: "\(name) is not on the board on \(day)")
        }
        return member
    }

    private static func insertBoardMember(
        _ db: Database, name: String, seatFor party: String?, on day: CivilDate, now: Moment, actor: AuditActor,
        reappointed: Bool
    ) throws -> BoardMember {
        var row = BoardMemberRow(name: name, seatFor: party, appointedOn: day, recordedAt: now.description)
        try row.insert(db)
        let id = row.member.id
        var appender = try AuditAppender(db, at: now)
        if reappointed {
            try appender.append(actor: actor, BoardReappointed(member: id, name: name, seatFor: party, on: day))
        } else {
            try appender.append(actor: actor, BoardAppointed(member: id, name: name, seatFor: party, on: day))
        }
        try appender.finish(db)
        return BoardMember(id: id, name: name, seatFor: party, appointedOn: day)
    }
}
