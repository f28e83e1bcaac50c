public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

/// One member of an assembly's electorate as the check-in desk sees them.
public struct DeskEntry: Sendable, Hashable {
    /// What the member's voting code is doing.
    public enum CodeState: String, Sendable, Hashable {
        /// No code was issued (yet).
        case none
        /// Issued, waiting for check-in (or a proxy) to activate it.
        case issued
        /// Active: the member (or their proxy holder) can vote.
        case active
    }

    public var id: ResidentID
    /// The address on the assembly's reference date (where the letter went).
    public var address: Address
    /// Only where the association keeps names.
    public var name: String?
    /// The year of birth, where the register gives it: what tells members at one address apart
    /// when no names are kept (the desk asks it; the day and month stay unshown).
    public var birthYear: Int? = nil
    public var present: Bool
    /// Whom this member gave a proxy to, if anyone.
    public var proxyTo: ResidentID?
    /// How many proxies this member holds.
    public var proxiesHeld: Int
    public var code: CodeState
}

extension AppDatabase {
    /// Finds members of the assembly's electorate by the address they had on its reference date,
    /// optionally narrowed by (part of) a name; sorted by addition and id.
    public func deskSearch(assembly id: AssemblyID, postcode: Postcode, houseNumber: Int, name: String? = nil) throws -> [DeskEntry] {
        let entries = try writer.read { db in
            let assembly = try Self.assembly(db, id)
            guard let reference = assembly.referenceDate else {
                throw StoreError(
                    nl: "vergadering \(id) is nog niet opgeroepen, dus de stemgerechtigden zijn nog niet bekend",
                    en: "assembly \(id) has not been called yet, so its electorate is not known")
            }
            return try Self.deskEntries(
                db, assembly: id, reference: reference, extra: "AND s.postcode = ? AND s.house_number = ?",
                arguments: [postcode.description, houseNumber])
        }
        let wanted = name?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard !wanted.isEmpty else { return entries }
        return entries.filter { $0.name?.lowercased().contains(wanted) == true }
    }

    /// One member of the assembly's electorate as the desk sees them, or nil.
    public func deskEntry(assembly id: AssemblyID, member: ResidentID) throws -> DeskEntry? {
        try writer.read { db in
            let assembly = try Self.assembly(db, id)
            guard let reference = assembly.referenceDate else { return nil }
            return try Self.deskEntries(db, assembly: id, reference: reference, extra: "AND e.resident_id = ?", arguments: [member.rawValue]).first
        }
    }

    static func deskEntries(_ db: Database, assembly id: AssemblyID, reference: CivilDate, extra: String, arguments: StatementArguments) throws -> [DeskEntry] {
        let sql = """
            SELECT e.resident_id, r.name, r.birth_date, r.birth_year, s.postcode, s.house_number, s.addition,
                   EXISTS (SELECT 1 FROM attendance a WHERE a.assembly_id = e.assembly_id AND a.resident_id = e.resident_id) AS present,
                   (SELECT holder FROM proxy p WHERE p.assembly_id = e.assembly_id AND p.giver = e.resident_id) AS proxy_to,
                   (SELECT COUNT(*) FROM proxy p WHERE p.assembly_id = e.assembly_id AND p.holder = e.resident_id) AS proxies_held,
                   (SELECT state FROM voting_code v WHERE v.assembly_id = e.assembly_id AND v.resident_id = e.resident_id AND v.state != 'revoked')
                       AS code_state
            FROM electorate e
            JOIN resident r ON r.id = e.resident_id
            JOIN residence s ON s.resident_id = e.resident_id
            WHERE e.assembly_id = ? AND (s.moved_in IS NULL OR s.moved_in <= ?) AND (s.moved_out IS NULL OR s.moved_out > ?) \(extra)
            ORDER BY s.addition, e.resident_id
            """
        var all: StatementArguments = [id, reference.description, reference.description]
        all += arguments
        return try Row.fetchAll(db, sql: sql, arguments: all).map { row in
            let member = ResidentID(row["resident_id"] as String)
            // A stored address that cannot be read is an error at the desk, never a member left out of the search.
            guard let postcode = StoredValues.postcode(row["postcode"]) else {
                throw StoreError(
                    nl: "het adres van \(member) in het register is onleesbaar (postcode `\(row["postcode"] as String? ?? "")`)",
                    en: "the register's address of \(member) cannot be read (postcode `\(row["postcode"] as String? ?? "")`)")
            }
            let birthYear: Int? = (row["birth_year"] as Int?) ?? (row["birth_date"] as String?).flatMap { Int($0.prefix(4)) }
            return DeskEntry(
                id: member, address: Address(postcode: postcode, houseNumber: row["house_number"], addition: row["addition"]),
                name: row["name"], birthYear: birthYear, present: row["present"], proxyTo: (row["proxy_to"] as String?).map(ResidentID.init),
                proxiesHeld: row["proxies_held"], code: DeskEntry.CodeState(rawValue: (row["code_state"] as String?) ?? "none") ?? .none)
        }
    }
}
