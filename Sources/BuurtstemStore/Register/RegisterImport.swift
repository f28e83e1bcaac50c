public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

/// What an import did. `read == imported + rejected`: no row is ever dropped silently.
public struct ImportSummary: Sendable, Hashable {
    public var importID: Int64
    public var read: Int
    public var imported: Int
    public var rejected: Int
    /// Residents seen for the first time.
    public var created: Int
    /// Residents whose address changed.
    public var moved: Int
    /// Residents who left their address (a move-out date, no new address).
    public var movedOut: Int
    /// Residents whose birth data or name changed.
    public var updated: Int
    /// Residents with an open address who are not in this extract: moved out on the extract date.
    public var absent: Int
    public var unchanged: Int
    public var head: AuditHead
}

extension AppDatabase {
    /// Imports a parsed extract in one transaction: new residents, moves (history is kept, so a
    /// past date stays answerable), move-outs and corrections, each with its audit entry, plus
    /// one entry for the import with its counts and the file's hash.
    public func importRegister(
        _ extract: RegisterExtract, fileName: String, fileSHA256: String, extractDate: CivilDate,
        actor: AuditActor = .system, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> ImportSummary {
        try writer.write { db in
            guard try AssociationRow.one(db) != nil else {
                throw StoreError(nl: "nog geen vereniging: voer eerst `buurtstem init` uit", en: "no association yet: run `buurtstem init` first")
            }
            let now = clock.now()
            // A large import touches many pages: keep them in memory until the commit instead of
            // spilling them to the WAL and writing them again (256 MiB at most, this transaction).
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var audit = try AuditAppender(db, at: now)
            var current = try Self.currentResidences(db)
            var newcomers = try NewResidentWriter(db)
            var summary = ImportSummary(
                importID: 0, read: extract.rowsRead, imported: extract.rows.count, rejected: extract.rejects.count,
                created: 0, moved: 0, movedOut: 0, updated: 0, absent: 0, unchanged: 0, head: AuditHead(size: 0, root: MerkleTree.emptyRoot))
            var seen = Set<ResidentID>()
            seen.reserveCapacity(extract.rows.count)

            for (index, row) in extract.rows.enumerated() {
                if let progress, index % 50_000 == 0 { progress(index, extract.rows.count) }
                if current.isEmpty {
                    // A first import: everybody is new (the fast path for a million rows).
                    try newcomers.insert(row, audit: &audit, actor: actor)
                    summary.created += 1
                    continue
                }
                seen.insert(row.id)
                let entry = current[row.id]
                let changes = RegisterReconciliation.changes(row, known: entry?.known, extractDate: extractDate)
                for change in changes {
                    switch change {
                    case .new:
                        try newcomers.insert(row, audit: &audit, actor: actor)
                        summary.created += 1
                    case .update(let name, let nameChanged):
                        try ResidentRow(id: row.id, birth: row.birth, name: name).update(db)
                        try audit.append(actor: actor, ResidentUpdated(resident: row.id, birth: row.birth, nameChanged: nameChanged))
                        summary.updated += 1
                    case .move(let closeOn, let movedIn):
                        guard let entry else { continue }
                        if let closeOn { try ResidenceRow.close(db, id: entry.residenceID, on: closeOn) }
                        var residence = ResidenceRow(row.id, row.address, movedIn: movedIn, movedOut: row.movedOut)
                        try residence.insert(db)
                        try audit.append(
                            actor: actor, ResidentMoved(resident: row.id, from: entry.known.address, to: row.address, on: movedIn, movedOut: row.movedOut))
                        summary.moved += 1
                    case .moveOut(let on):
                        guard let entry else { continue }
                        try ResidenceRow.close(db, id: entry.residenceID, on: on)
                        try audit.append(actor: actor, ResidentLeft<AddressLeft.MovedOut>(resident: row.id, from: entry.known.address, on: on))
                        summary.movedOut += 1
                    }
                }
                if changes.isEmpty { summary.unchanged += 1 }
                current[row.id] = nil
            }
            try newcomers.flush(audit: &audit)
            // Residents not in this extract who still have an open address have left the register.
            for (id, entry) in current.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
                guard let on = RegisterReconciliation.absent(entry.known, extractDate: extractDate) else { continue }
                try ResidenceRow.close(db, id: entry.residenceID, on: on)
                try audit.append(actor: actor, ResidentLeft<AddressLeft.Absent>(resident: id, from: entry.known.address, on: on))
                summary.absent += 1
            }
            var row = RegisterImportRow(
                fileName: fileName, sha256: fileSHA256, extractDate: extractDate, rowsRead: summary.read, imported: summary.imported,
                rejected: summary.rejected, created: summary.created, moved: summary.moved, movedOut: summary.movedOut, updated: summary.updated,
                absent: summary.absent, at: now.description)
            try row.insert(db)
            summary.importID = row.id ?? 0
            let counts = RegisterImported.Counts(
                read: summary.read, imported: summary.imported, rejected: summary.rejected, created: summary.created, moved: summary.moved,
                movedOut: summary.movedOut, updated: summary.updated, absent: summary.absent, unchanged: summary.unchanged)
            try audit.append(
                actor: actor, RegisterImported(import: Int(summary.importID), file: fileName, sha256: fileSHA256, extractDate: extractDate, counts: counts))
            summary.head = try audit.finish(db)
            progress?(extract.rows.count, extract.rows.count)
            return summary
        }
    }

    /// The latest residence of every resident.
    private struct Current {
        var residenceID: Int64
        var known: RegisterReconciliation.Known
    }

    private static func currentResidences(_ db: Database) throws -> [ResidentID: Current] {
        var result: [ResidentID: Current] = [:]
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT resident.id, resident.birth_date, resident.birth_year, resident.name,
                       residence.postcode, residence.house_number, residence.addition, residence.moved_in, residence.moved_out, residence.id
                FROM resident JOIN residence ON residence.resident_id = resident.id
                ORDER BY resident.id, residence.id
                """)
        // By position for speed: the resident's columns as `ResidentColumn` names them, then the residence's id.
        typealias C = ResidentColumn
        while let row = try cursor.next() {
            let id: String = row[C.id]
            result[ResidentID(id)] = Current(
                residenceID: row[C.movedOut + 1],
                known: RegisterReconciliation.Known(
                    address: Address(postcode: try StoredValues.postcode(row[C.postcode], of: id), houseNumber: row[C.houseNumber], addition: row[C.addition]),
                    movedIn: StoredValues.date(row[C.movedIn]), movedOut: StoredValues.date(row[C.movedOut]),
                    birth: StoredValues.birth(row[C.birthDate], row[C.birthYear]), name: row[C.name]))
        }
        return result
    }

}

/// Inserts residents seen for the first time, with their residence and their audit entry,
/// binding bytes straight into SQLite.
struct NewResidentWriter {
    private let resident: RawStatement
    private let residence: RawStatement
    private var payload: [UInt8] = []
    private var scratch: [UInt8] = []
    private var dateIn: [UInt8] = []
    private var dateOut: [UInt8] = []
    private let action = Array(AuditAction.residentsRegistered.rawValue.utf8)
    private var actorBytes: [UInt8] = []
    /// Residents registered since the last audit entry, as canonical JSON objects joined by commas.
    private var batch: [UInt8] = []
    private var batchCount = 0
    /// How many residents one audit entry records.
    static let batchSize = 1000

    init(_ db: Database) throws {
        resident = try RawStatement(db, sql: "INSERT INTO resident (id, birth_date, birth_year, name) VALUES (?, ?, ?, ?)")
        residence = try RawStatement(
            db,
            sql: """
                INSERT INTO residence (resident_id, postcode, house_number, addition, moved_in, moved_out) VALUES (?, ?, ?, ?, ?, ?)
                """)
        payload.reserveCapacity(200_000)
        batch.reserveCapacity(200_000)
    }

    mutating func insert(_ row: RegisterRow, audit: inout AuditAppender, actor: AuditActor) throws {
        var id = row.id.rawValue
        try id.withUTF8 { idBytes in
            let idRaw = UnsafeRawBufferPointer(idBytes)
            resident.bind(1, bytes: idRaw)
            switch row.birth {
            case .date(let d)?:
                scratch.removeAll(keepingCapacity: true)
                StoredBytes.appendDate(d, to: &scratch)
                resident.bind(2, bytes: scratch)
                resident.bindNull(3)
            case .year(let y)?:
                resident.bindNull(2)
                resident.bind(3, int: y)
            case nil:
                resident.bindNull(2)
                resident.bindNull(3)
            }
            resident.bind(4, text: row.name)
            try resident.execute()

            scratch.removeAll(keepingCapacity: true)
            StoredBytes.appendPostcode(row.address.postcode, to: &scratch)
            residence.bind(1, bytes: idRaw)
            residence.bind(2, bytes: scratch)
            residence.bind(3, int: row.address.houseNumber)
            residence.bind(4, text: row.address.addition)
            dateIn.removeAll(keepingCapacity: true)
            dateOut.removeAll(keepingCapacity: true)
            if let d = row.movedIn {
                StoredBytes.appendDate(d, to: &dateIn)
                residence.bind(5, bytes: dateIn)
            } else {
                residence.bindNull(5)
            }
            if let d = row.movedOut {
                StoredBytes.appendDate(d, to: &dateOut)
                residence.bind(6, bytes: dateOut)
            } else {
                residence.bindNull(6)
            }
            try residence.execute()

            // {"address":…,"birth":…,"id":…,"movedIn":…,"movedOut":…}, as JSONValue would encode it.
            if batchCount > 0 { batch.append(UInt8(ascii: ",")) }
            batch.append(contentsOf: #"{"address":""#.utf8)
            batch.append(contentsOf: scratch)
            batch.append(UInt8(ascii: " "))
            CanonicalJSON.appendInt(row.address.houseNumber, to: &batch)
            if let addition = row.address.addition {
                batch.append(UInt8(ascii: "-"))
                var escaped: [UInt8] = []
                CanonicalJSON.appendString(addition.utf8, to: &escaped)
                batch.append(contentsOf: escaped.dropFirst().dropLast())
            }
            batch.append(contentsOf: #"","birth":"#.utf8)
            switch row.birth {
            case .date(let d)?:
                batch.append(contentsOf: #"{"date":""#.utf8)
                StoredBytes.appendDate(d, to: &batch)
                batch.append(contentsOf: #""}"#.utf8)
            case .year(let y)?:
                batch.append(contentsOf: #"{"year":"#.utf8)
                CanonicalJSON.appendInt(y, to: &batch)
                batch.append(UInt8(ascii: "}"))
            case nil:
                batch.append(contentsOf: "null".utf8)
            }
            batch.append(contentsOf: #","id":"#.utf8)
            CanonicalJSON.appendString(idRaw, to: &batch)
            batch.append(contentsOf: #","movedIn":"#.utf8)
            if row.movedIn != nil {
                batch.append(UInt8(ascii: "\""))
                batch.append(contentsOf: dateIn)
                batch.append(UInt8(ascii: "\""))
            } else {
                batch.append(contentsOf: "null".utf8)
            }
            batch.append(contentsOf: #","movedOut":"#.utf8)
            if row.movedOut != nil {
                batch.append(UInt8(ascii: "\""))
                batch.append(contentsOf: dateOut)
                batch.append(UInt8(ascii: "\""))
            } else {
                batch.append(contentsOf: "null".utf8)
            }
            batch.append(UInt8(ascii: "}"))
            batchCount += 1
            if actorBytes.isEmpty { actorBytes = Array(actor.description.utf8) }
            if batchCount == Self.batchSize { try flush(audit: &audit) }
        }
    }

    /// Appends the audit entry for the residents registered since the last one:
    /// `{"count":N,"residents":[…]}`. Call once more after the last insert.
    mutating func flush(audit: inout AuditAppender) throws {
        guard batchCount > 0 else { return }
        payload.removeAll(keepingCapacity: true)
        payload.append(contentsOf: #"{"count":"#.utf8)
        CanonicalJSON.appendInt(batchCount, to: &payload)
        payload.append(contentsOf: #","residents":["#.utf8)
        payload.append(contentsOf: batch)
        payload.append(contentsOf: "]}".utf8)
        try audit.append(actor: actorBytes, action: action, payload: payload)
        batch.removeAll(keepingCapacity: true)
        batchCount = 0
    }
}

/// Decoding the values the store writes.
enum StoredValues {
    /// A resident's stored postcode; one that cannot be read is an error, never a resident left out.
    static func postcode(_ text: String?, of resident: String) throws -> Postcode {
        guard let postcode = postcode(text) else {
            throw StoreError(
                nl: "de opgeslagen postcode van \(resident) is onleesbaar (`\(text ?? "")`)",
                en: "the stored postcode of \(resident) cannot be read (`\(text ?? "")`)")
        }
        return postcode
    }

    /// `1067 PA` as stored; nil for anything else.
    static func postcode(_ text: String?) -> Postcode? {
        guard let text else { return nil }
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == 32 else { return try? Postcode(parsing: text) }
        let digits = (Int(u[0]) - 48) * 1000 + (Int(u[1]) - 48) * 100 + (Int(u[2]) - 48) * 10 + (Int(u[3]) - 48)
        return try? Postcode(digits: digits, letters: String(decoding: u[5...6], as: UTF8.self))
    }

    static func date(_ text: String?) -> CivilDate? { text.flatMap { CivilDate(iso: $0) } }

    static func birth(_ date: String?, _ year: Int?) -> Birth? {
        if let d = date.flatMap({ CivilDate(iso: $0) }) { return .date(d) }
        return year.map(Birth.year)
    }
}
