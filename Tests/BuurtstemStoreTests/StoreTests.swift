import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

@Suite("Store: statutes, register and membership")
struct StoreTests {
    @Test("the database is opened in WAL mode with synchronous FULL and foreign keys on")
    func pragmas() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("buurtstem-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let db = try AppDatabase(path: path)
        let (journal, synchronous, foreignKeys) = try db.writer.read { conn in
            (
                try String.fetchOne(conn, sql: "PRAGMA journal_mode"), try Int.fetchOne(conn, sql: "PRAGMA synchronous"),
                try Int.fetchOne(conn, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)
        #expect(foreignKeys == 1)
    }

    @Test("every rule lookup takes a date and uses the version in force then")
    func versions() throws {
        let db = try StoreFixtures.database()
        #expect(
            throws: StoreError(
                nl: "op 2026-01-14 was er geen statuut van kracht: de eerste versie gaat in op 2026-01-15",
                en: "no statute was in force on 2026-01-14: the first version takes effect on 2026-01-15")
        ) {
            try db.statute(on: day("2026-01-14"))
        }
        let amended = StoreFixtures.statuteText("wildemanbuurt").replacingOccurrences(of: "minimumleeftijd 16 jaar", with: "minimumleeftijd 18 jaar")
        try db.adoptStatute(source: amended, fileName: "wildemanbuurt-2027.statuut", from: day("2027-01-01"))
        #expect(try db.statute(on: day("2026-12-31")).statute.minimumAge.value == 16)
        #expect(try db.statute(on: day("2027-01-01")).statute.minimumAge.value == 18)
        #expect(try db.statute(on: day("2027-01-01")).version.id == 2)
        #expect(throws: StoreError.self) { try db.adoptStatute(source: amended, fileName: "again", from: day("2027-01-01")) }
        #expect(throws: StoreError.self) { try db.adoptStatute(source: "statuut \"kapot\"", fileName: "broken", from: day("2028-01-01")) }
        #expect(try db.verifyAudit().isIntact)
    }

    @Test("re-importing a newer extract records moves, keeps history, and counts every row")
    func reimport() throws {
        let db = try StoreFixtures.database()
        let first = try StoreFixtures.extract(
            """
            id;postcode;huisnummer;geboortedatum;ingeschreven;uitgeschreven
            A;1067 PB;1;1980-01-01;2010-01-01;
            B;1067 PC;2;1990-01-01;2012-01-01;
            C;1067 PD;3;2000-01-01;2015-01-01;
            D;1067 PE;4;1970-01-01;2001-01-01;
            """, on: "2026-06-01")
        let s1 = try db.importRegister(first, fileName: "a.csv", fileSHA256: "x", extractDate: day("2026-06-01"))
        #expect((s1.read, s1.imported, s1.rejected, s1.created) == (4, 4, 0, 4))
        let second = try StoreFixtures.extract(
            """
            id;postcode;huisnummer;geboortedatum;ingeschreven;uitgeschreven
            A;1068 AB;9;1980-01-01;2026-09-01;
            B;1067 PC;2;1990-01-01;2012-01-01;2026-10-01
            C;1067 PD;3;2000-01-01;2015-01-01;
            E;1067 PF;5;1985-01-01;2026-08-01;
            """, on: "2026-11-01")
        let s2 = try db.importRegister(second, fileName: "b.csv", fileSHA256: "y", extractDate: day("2026-11-01"))
        #expect((s2.created, s2.moved, s2.movedOut, s2.absent, s2.unchanged) == (1, 1, 1, 1, 1))
        let a = try #require(try db.resident(ResidentID("A")))
        #expect(a.residences.count == 2)
        #expect(a.residences[0].movedOut == day("2026-09-01"))
        // Membership on a past date is still answerable.
        #expect(try db.members(on: day("2026-07-01")).members.map(\.id.rawValue) == ["A", "B", "C", "D"])
        #expect(try db.members(on: day("2026-11-01")).members.map(\.id.rawValue) == ["C", "E"])
        let verification = try db.verifyAudit()
        #expect(verification.isIntact)
        // 2 founding entries; 1 entry registering 4 residents + 1 import;
        // then 1 registering the newcomer + 1 move + 1 move-out + 1 absent + 1 import.
        #expect(verification.entries == 9)
    }

    @Test("opt-in join and leave are checked against the statute and audited")
    func joinLeave() throws {
        let db = try StoreFixtures.database("soesterkwartier")
        let extract = try StoreFixtures.extract("id;postcode;huisnummer;geboortedatum\nS1;3812 AB;1;1980-01-01\nS2;3811 AB;1;1980-01-01\n", on: "2026-04-01")
        _ = try db.importRegister(extract, fileName: "s.csv", fileSHA256: "z", extractDate: day("2026-04-01"))
        #expect(try db.members(on: day("2026-04-02")).members.isEmpty)
        try db.join(ResidentID("S1"), on: day("2026-04-02"))
        #expect(throws: MembershipRefusal.self) { try db.join(ResidentID("S2"), on: day("2026-04-02")) }
        #expect(throws: StoreError.self) { try db.join(ResidentID("nobody"), on: day("2026-04-02")) }
        #expect(try db.members(on: day("2026-04-02")).members.map(\.id.rawValue) == ["S1"])
        try db.leave(ResidentID("S1"), on: day("2026-05-01"))
        #expect(try db.members(on: day("2026-05-01")).members.isEmpty)
        var actions: [String] = []
        try db.exportAudit { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            actions.append(object?["action"] as? String ?? "")
        }
        #expect(actions.suffix(2) == ["member.join", "member.leave"])
    }

    @Test("registrations are recorded in the log in batches of canonical JSON, every resident in full")
    func registrationPayload() throws {
        let db = try StoreFixtures.database()
        let extract = try StoreFixtures.extract(
            "id;postcode;huisnummer;toevoeging;geboortejaar;ingeschreven\nR\"1;1067 PB;12;a;1980;2010-01-01\nR2;1067 PC;3;;;\n", on: "2026-06-01")
        _ = try db.importRegister(extract, fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-06-01"))
        var lines: [String] = []
        try db.exportAudit { lines.append($0) }
        let expected = JSONValue.object([
            "count": .int(2),
            "residents": .array([
                .object([
                    "address": .string("1067 PB 12-A"), "birth": .object(["year": .int(1980)]), "id": .string("R\"1"),
                    "movedIn": .string("2010-01-01"), "movedOut": .null,
                ]),
                .object(["address": .string("1067 PC 3"), "birth": .null, "id": .string("R2"), "movedIn": .null, "movedOut": .null]),
            ]),
        ]).encoded(pretty: false)
        #expect(lines[2].contains("\"payload\":\(expected),"))
        #expect(lines[2].hasPrefix("{\"action\":\"residents.registered\""))
    }

    @Test("inclusion proofs from the store verify, and fail for another root")
    func proofs() throws {
        let db = try StoreFixtures.database()
        let extract = try StoreFixtures.extract(
            "id;postcode;huisnummer\n" + (1...4500).map { "R\($0);1067 PB;\($0)" }.joined(separator: "\n"), on: "2026-06-01")
        _ = try db.importRegister(extract, fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-06-01"))
        let head = try db.auditHead()
        #expect(head.size == 2 + 5 + 1)
        for seq in [1, 2, 3, 5, head.size] {
            let proof = try db.auditProof(seq: seq)
            #expect(proof.isValid)
            #expect(proof.root == head.root)
            var forged = proof
            forged.entry = forged.entry.replacingOccurrences(of: "\"actor\":\"system\"", with: "\"actor\":\"mallory\"")
            #expect(forged.entry != proof.entry)
            #expect(!forged.isValid)
        }
        #expect(throws: StoreError.self) { try db.auditProof(seq: head.size + 1) }
    }
}

@Suite("Store: demands and support")
struct DemandTests {
    @Test("a members' demand is tracked until an assembly is called")
    func demands() throws {
        let db = try StoreFixtures.database()
        let csv = "id;postcode;huisnummer;geboortedatum\n" + (1...40).map { "R\($0);1067 PB;\($0);1980-01-01" }.joined(separator: "\n")
        _ = try db.importRegister(try StoreFixtures.extract(csv, on: "2026-04-01"), fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-04-01"))
        // 1/20 of 40 members is 2 (article 4).
        #expect(throws: Refusal.self) { try db.demandAssembly(supporters: 1, on: day("2026-04-02")) }
        let demand = try db.demandAssembly(supporters: 2, on: day("2026-04-02"))
        #expect(demand.callBy == day("2026-04-30"))
        #expect(try db.openDemands().count == 1)
        _ = try db.scheduleAssembly(date: day("2026-05-10"), place: "x", today: day("2026-04-03"))
        _ = try db.callAssembly(1, on: day("2026-04-20"))
        #expect(try db.openDemands().isEmpty)
        // Support for a members' proposal can be added until the deadline (21 days before: 2026-04-19),
        // also after a refusal for too few supporters; each refusal's reason stays in the log.
        let proposal = try db.submitProposal(
            Proposal(
                id: 0, title: "x", text: "", kind: "gewoon", source: .members((1...9).map { ResidentID("R\($0)") }),
                assembly: 1), on: day("2026-04-10"))
        let first = #expect(throws: Refusal.self) { try db.admitProposal(proposal.id) }
        #expect(throws: StoreError.self) { try db.admitProposal(proposal.id) }  // judged once; nothing changes
        try db.supportProposal(proposal.id, member: ResidentID("R10"), on: day("2026-04-12"))
        #expect(try db.admitProposal(proposal.id).state == .admitted)
        var log = ""
        try db.exportAudit { log += $0 + "\n" }
        #expect(first.map { log.contains($0.description.replacingOccurrences(of: "\"", with: "\\\"")) } == true)
        #expect(throws: StoreError.self) { try db.supportProposal(proposal.id, member: ResidentID("R11"), on: day("2026-04-12")) }
        let second = try db.submitProposal(
            Proposal(
                id: 0, title: "y", text: "", kind: "gewoon", source: .members((1...9).map { ResidentID("R\($0)") }),
                assembly: 1), on: day("2026-04-10"))
        #expect(throws: StoreError.self) { try db.supportProposal(second.id, member: ResidentID("R10"), on: day("2026-04-20")) }
        try db.supportProposal(second.id, member: ResidentID("R10"), on: day("2026-04-19"))
        #expect(try db.admitProposal(second.id).state == .admitted)
    }
}
