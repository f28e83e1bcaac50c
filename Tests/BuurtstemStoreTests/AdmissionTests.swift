import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Statuut
import Testing

/// Membership on request: application → decision by the body the statute names → membership.
@Suite("Admission of members")
struct AdmissionTests {
    /// De Vrije Uitloop (board admits after an intake, with a profile) with residents R1–R4 of Breda
    /// and R5, a two-year-old.
    static func breda(edit: (String) -> String = { $0 }) throws -> AppDatabase {
        let db = try RulesCarriedOutTests.database("devrijeuitloop", edit: edit)
        let rows = (1...4).map { "R\($0);4811 AB;\($0);1980-01-01;2010-01-01" } + ["R5;4811 AB;5;2024-03-01;2024-03-01"]
        _ = try db.importRegister(
            try StoreFixtures.extract("id;postcode;huisnummer;geboortedatum;ingeschreven\n" + rows.joined(separator: "\n"), on: "2026-06-02"),
            fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-06-02"))
        return db
    }

    @Test("the board admits after the intake and the profile, refuses with a reason; both are kept and audited")
    func boardAdmits() throws {
        let db = try Self.breda()
        try db.apply([.init(resident: ResidentID("R1"), appliedOn: day("2026-06-10")), .init(resident: ResidentID("R2"), appliedOn: day("2026-06-10"))])
        #expect(try db.members(on: day("2026-06-20")).members.isEmpty)
        // Not before the intake, and not without the profile (article 3).
        let noIntake = #expect(throws: (any Error).self) {
            try db.decide([.init(resident: ResidentID("R1"), verdict: .grant(intakeOn: nil, meetsProfile: true))], on: day("2026-06-20"))
        }
        #expect("\(noIntake.map { "\($0)" } ?? "")".contains("intake") == true)
        #expect(throws: (any Error).self) {
            try db.decide([.init(resident: ResidentID("R1"), verdict: .grant(intakeOn: day("2026-06-15"), meetsProfile: false))], on: day("2026-06-20"))
        }
        // The general assembly does not decide where the statute gives it to the board.
        #expect(throws: (any Error).self) {
            try db.decide([.init(resident: ResidentID("R1"), verdict: .grant(intakeOn: day("2026-06-15"), meetsProfile: true))], assembly: 1)
        }
        #expect(throws: (any Error).self) { try db.decide([.init(resident: ResidentID("R2"), verdict: .refuse(reason: "  "))], on: day("2026-06-20")) }
        try db.decide(
            [
                .init(resident: ResidentID("R1"), verdict: .grant(intakeOn: day("2026-06-15"), meetsProfile: true)),
                .init(resident: ResidentID("R2"), verdict: .refuse(reason: "geen plan voor een onderneming")),
            ], on: day("2026-06-20"))
        #expect(try db.members(on: day("2026-06-20")).members.map(\.id) == [ResidentID("R1")])
        #expect(try db.members(on: day("2026-06-19")).members.isEmpty)
        let applications = try db.applications()
        #expect(applications.first { $0.resident == ResidentID("R2") }?.reason == "geen plan voor een onderneming")
        #expect(applications.first { $0.resident == ResidentID("R1") }?.decidedBy == .board)
        // Decided once: a second decision on the same application is refused; a new application may follow.
        #expect(throws: (any Error).self) {
            try db.decide([.init(resident: ResidentID("R2"), verdict: .grant(intakeOn: day("2026-06-15"), meetsProfile: true))], on: day("2026-06-21"))
        }
        try db.apply([.init(resident: ResidentID("R2"), appliedOn: day("2026-07-01"))])
        #expect(throws: (any Error).self) { try db.apply([.init(resident: ResidentID("R2"), appliedOn: day("2026-07-02"))]) }
        var lines: [String] = []
        try db.exportAudit { lines.append($0) }
        #expect(lines.filter { $0.contains("\"member.applied\"") }.count == 3)
        #expect(lines.contains { $0.contains("\"member.refused\"") && $0.contains("geen plan voor een onderneming") })
        #expect(lines.contains { $0.contains("\"member.admitted\"") } && lines.contains { $0.contains("\"member.join\"") })
        #expect(try db.verifyAudit().isIntact)
    }

    @Test("a resident who cannot become a member is told why, and nothing is kept: too young, outside the area, already a member")
    func notEligible() throws {
        let db = try Self.breda()
        let young = #expect(throws: (any Error).self) { try db.apply([.init(resident: ResidentID("R5"), appliedOn: day("2026-06-10"))]) }
        #expect("\(young.map { "\($0)" } ?? "")".contains("the minimum age is 18") == true)
        // `members join` (application and admission in one step) refuses the same, instead of printing a membership.
        #expect(throws: Refusal.self) { try db.join(ResidentID("R5"), on: day("2026-06-10"), intakeOn: day("2026-06-09"), meetsProfile: true) }
        #expect(throws: (any Error).self) { try db.apply([.init(resident: ResidentID("R9"), appliedOn: day("2026-06-10"))]) }
        // All or none: a batch with one bad line records nothing.
        #expect(throws: (any Error).self) {
            try db.apply([.init(resident: ResidentID("R3"), appliedOn: day("2026-06-10")), .init(resident: ResidentID("R5"), appliedOn: day("2026-06-10"))])
        }
        #expect(try db.applications().isEmpty)
        try db.join(ResidentID("R4"), on: day("2026-06-10"), intakeOn: day("2026-06-09"), meetsProfile: true)
        #expect(throws: (any Error).self) { try db.apply([.init(resident: ResidentID("R4"), appliedOn: day("2026-06-11"))]) }
        #expect(try db.applications().first?.state == .granted)
    }

    @Test("toelating door de algemene vergadering: the open assembly decides, the minutes list it; the board alone cannot")
    func assemblyAdmits() throws {
        let db = try Self.breda { $0.replacingOccurrences(of: "toelating door het bestuur na intake", with: "toelating door de algemene vergadering") }
        let oneStep = #expect(throws: (any Error).self) { try db.join(ResidentID("R1"), on: day("2026-06-05"), meetsProfile: true) }
        #expect("\(oneStep.map { "\($0)" } ?? "")".contains("the general assembly decides on admission") == true)
        try db.apply([.init(resident: ResidentID("R1"), appliedOn: day("2026-06-10")), .init(resident: ResidentID("R2"), appliedOn: day("2026-06-10"))])
        let byBoard = #expect(throws: (any Error).self) {
            try db.decide([.init(resident: ResidentID("R1"), verdict: .grant(intakeOn: nil, meetsProfile: true))], on: day("2026-06-20"))
        }
        #expect("\(byBoard.map { "\($0)" } ?? "")".contains("the general assembly decides on admission, not the board") == true)
        _ = try db.scheduleAssembly(date: day("2026-07-15"), place: "Breda", today: day("2026-06-10"))
        _ = try db.callAssembly(1, on: day("2026-06-20"))
        #expect(throws: (any Error).self) {
            try db.decide([.init(resident: ResidentID("R1"), verdict: .grant(intakeOn: nil, meetsProfile: true))], assembly: 1)
        }
        _ = try db.openAssembly(1, on: day("2026-07-15"))
        // The assembly decides on its own day: another day given beside it is refused, not ignored.
        #expect(throws: StoreError.self) {
            try db.decide([.init(resident: ResidentID("R1"), verdict: .grant(intakeOn: nil, meetsProfile: true))], on: day("2026-07-14"), assembly: 1)
        }
        try db.decide(
            [
                .init(resident: ResidentID("R1"), verdict: .grant(intakeOn: nil, meetsProfile: true)),
                .init(resident: ResidentID("R2"), verdict: .refuse(reason: "past niet bij het profiel")),
            ], assembly: 1)
        #expect(try db.members(on: day("2026-07-15")).members.map(\.id) == [ResidentID("R1")])
        #expect(try db.applications().allSatisfy { $0.decidedBy == .assembly && $0.assembly == 1 && $0.decidedOn == day("2026-07-15") })
        _ = try db.closeAssembly(1)
        let minutes = try db.minutes(assembly: 1).markdown(in: .nl)
        #expect(minutes.contains("## Toelating van leden\n\n- R1: toegelaten\n- R2: geweigerd — past niet bij het profiel\n"))
    }

    @Test("a batch file of applications or decisions is read all or nothing, with the line of any mistake")
    func batchFiles() throws {
        let applications = try AdmissionBatch.applications("id;aanvraagdatum;intake;profiel\n# vorige week\nR1;2026-06-10;2026-06-12;ja\n\nR2;2026-06-11\n")
        #expect(
            applications.map(\.resident) == [ResidentID("R1"), ResidentID("R2")] && applications[0].meetsProfile
                && applications[0].intakeOn == day("2026-06-12"))
        let decisions = try AdmissionBatch.decisions("R1;toelaten;;2026-06-12;ja\nR2;weigeren;woont buiten Breda\n")
        #expect(decisions[1].verdict == .refuse(reason: "woont buiten Breda"))
        #expect(decisions[0].verdict == .grant(intakeOn: day("2026-06-12"), meetsProfile: true))
        let badDate = #expect(throws: AdmissionBatch.Problem.self) { try AdmissionBatch.applications("R1;2026-06-10\nR2;10-06-2026\n") }
        #expect(badDate?.description == "line 2: aanvraagdatum `10-06-2026` is not a date (YYYY-MM-DD)")
        let noReason = #expect(throws: AdmissionBatch.Problem.self) { try AdmissionBatch.decisions("R1;toelaten\nR2;weigeren\n") }
        #expect(noReason?.line == 2)
        let unknown = #expect(throws: AdmissionBatch.Problem.self) { try AdmissionBatch.decisions("R1;misschien\n") }
        #expect("\(unknown.map { "\($0)" } ?? "")".contains("`toelaten` or `weigeren`") == true)
    }

    @Test("opzegging na 4 weken: a member who resigns stays a member four weeks; per direct: no longer a member from that day")
    func resignationAfterWeeks() throws {
        for (rule, lastDay) in [("opzegging na 4 weken", "2026-07-27"), ("opzegging per direct", "2026-06-29")] {
            let db = try RulesCarriedOutTests.database("soesterkwartier") { $0.replacingOccurrences(of: "opzegging per direct", with: rule) }
            try RulesCarriedOutTests.members(db, 3, postcode: "3812 AB", on: "2026-03-05", join: true)
            let event = try db.leave(ResidentID("R1"), on: day("2026-06-30"))
            #expect(event.effectiveOn == day(lastDay).adding(days: 1), "\(rule)")
            #expect(try db.members(on: day(lastDay)).members.contains { $0.id == ResidentID("R1") })
            #expect(try !db.members(on: day(lastDay).adding(days: 1)).members.contains { $0.id == ResidentID("R1") })
        }
    }
}
