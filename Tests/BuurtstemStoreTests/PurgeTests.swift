import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// Personal data goes when the retention rule allows, and the log still proves everything else.
@Suite("Purging personal data")
struct PurgeTests {
    @Test("codes, names and resident data in the log are removed as the rule allows; the log and every witnessed head still verify")
    func purge() throws {
        let db = try ComplianceTests.keptScenario()
        let headBefore = try db.auditHead()
        var log = ""
        try db.exportAudit { log += $0 + "\n" }
        #expect(log.contains("member.checked-in"))
        // Nothing yet: the rule keeps the log's resident data 24 months.
        let early = try db.purge(before: day("2027-01-01"), on: day("2027-01-01"), dryRun: true)
        #expect(early.logEntries == 0)
        // Three years on, everything the rule names goes.
        let report = try db.purge(before: day("2029-06-01"), on: day("2029-06-01"))
        #expect(report.logEntries > 0)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM voting_code") } == 0)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM resident WHERE name IS NOT NULL") } == 0)
        let verification = try db.verifyAudit(trusted: headBefore)
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
        var after = ""
        try db.exportAudit { after += $0 + "\n" }
        #expect(after.contains("data.purged") && after.components(separatedBy: #"{"purged":""#).count - 1 == report.logEntries)
        // A second purge finds nothing more.
        #expect(try db.purge(before: day("2029-06-01"), on: day("2029-06-01"), dryRun: true).logEntries == 0)
        // Replacing a payload by a hash without a purge is caught.
        try db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update")
            try db.execute(
                sql:
                    #"UPDATE audit_entry SET payload = '{"purged":"00"}' WHERE action = 'ballot.closed' AND seq = (SELECT MIN(seq) FROM audit_entry WHERE action = 'ballot.closed')"#
            )
        }
        #expect(!(try db.verifyAudit().isIntact))
    }

    @Test("after seven years presence lists, proxies and electorates become counts: the minutes, the recount and the year's compliance read the same")
    func presenceLists() throws {
        let db = try ComplianceTests.keptScenario()
        let minutesBefore = try db.assemblies().map { try db.minutes(assembly: $0.id).markdown(in: .nl) }
        let reportBefore = Compliance.check(try db.complianceFacts(), on: day("2026-12-31"), year: 2026)
        let ballots = try db.ballots().filter { !$0.isOpen }.map(\.id)
        // Not yet: the rule keeps them seven years, whatever `before` says.
        #expect(try db.purge(before: day("2040-01-01"), on: day("2030-01-01"), dryRun: true).presenceLists == 0)
        let report = try db.purge(before: day("2040-01-01"), on: day("2034-06-01"))
        #expect(report.presenceLists == (try db.assemblies().count))
        for table in ["attendance", "proxy", "electorate"] {
            #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") } == 0, "\(table) still holds ids")
        }
        let minutesAfter = try db.assemblies().map { try db.minutes(assembly: $0.id).markdown(in: .nl) }
        // The same minutes, but for the audit head at close (the purge itself is a later entry).
        #expect(minutesAfter == minutesBefore)
        let reportAfter = Compliance.check(try db.complianceFacts(), on: day("2026-12-31"), year: 2026)
        #expect(reportAfter.findings.map(\.status) == reportBefore.findings.map(\.status))
        for ballot in ballots { #expect(try db.recount(ballot).matches) }
        #expect(try db.verifyAudit().isIntact)
    }

    @Test("residents who left the area more than seven years ago leave the register, unless a kept record still names them")
    func formerResidents() throws {
        let db = try StoreFixtures.database("soesterkwartier")
        let header = "id;postcode;huisnummer;geboortedatum\n"
        _ = try db.importRegister(
            try StoreFixtures.extract(header + "R1;3812 AB;1;1980-01-01\nR2;3812 AB;2;1980-01-01\nR3;3812 AB;3;1980-01-01", on: "2025-01-10"),
            fileName: "a.csv", fileSHA256: "a", extractDate: day("2025-01-10"))
        // R3 is absent from the next extract: moved out on its date.
        _ = try db.importRegister(
            try StoreFixtures.extract(header + "R1;3812 AB;1;1980-01-01\nR2;3812 AB;2;1980-01-01", on: "2026-01-10"),
            fileName: "b.csv", fileSHA256: "b", extractDate: day("2026-01-10"))
        #expect(try db.purge(before: day("2040-01-01"), on: day("2032-01-01"), dryRun: true).formerResidents == 0)
        let report = try db.purge(before: day("2040-01-01"), on: day("2033-02-01"))
        #expect(report.formerResidents == 1)
        #expect(try db.writer.read { try String.fetchAll($0, sql: "SELECT id FROM resident ORDER BY id") } == ["R1", "R2"])
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM residence WHERE resident_id = 'R3'") } == 0)
        #expect(try db.verifyAudit().isIntact)
        // R3 comes back: a new resident, as in any extract.
        let back = try db.importRegister(
            try StoreFixtures.extract(header + "R1;3812 AB;1;1980-01-01\nR2;3812 AB;2;1980-01-01\nR3;3812 AB;4;1980-01-01", on: "2033-03-01"),
            fileName: "c.csv", fileSHA256: "c", extractDate: day("2033-03-01"))
        #expect(back.created == 1)
    }

    @Test("names stay while an assembly is called or open, and whatever `before` says, the rule's periods hold")
    func ruleHolds() throws {
        let (db, _) = try RulesCarriedOutTests.soesterEvening()
        let report = try db.purge(before: day("2030-01-01"), on: day("2026-11-01"), dryRun: true)
        #expect(report.namesKept != nil)
        #expect(report.logEntries == 0)
    }
}
