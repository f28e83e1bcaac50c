import Foundation
import Statuut
import Testing

/// The guard against a rule that checks clean and then does nothing: every form of the statute
/// language names the tests that show what it does at run time — a year or an evening where the
/// rule makes a difference, and the same without it. A form without an entry fails the test below;
/// so does an entry whose test no longer exists. Forms that only describe (a name, a seat, a legal
/// form) say so and name the test that shows them in the documents.
@Suite("Rule behaviour table")
struct RuleBehaviourTable {
    enum Effect: Sendable { case acts, describes }

    /// Form → what it does, and the tests (`File.function`) that show it.
    static let table: [FormID: (Effect, [String])] = [
        .statute: (.describes, ["ComplianceTests.kept"]),
        .article: (.acts, ["AssemblyRulesTests.proposals", "YearScenarioTests.deVrijeUitloop"]),
        .legalForm: (.describes, ["ExplainTests.text", "ExplainTests.json"]),
        .version: (.acts, ["YearScenarioTests.amendmentWithItsOwnDate", "ComplianceTests.versionsByDate"]),
        .seat: (.describes, ["ExplainTests.text"]),
        .area: (.acts, ["MembershipTests.automatic", "MembershipTests.outside"]),
        .postcode: (.acts, ["MembershipTests.automatic", "MembershipTests.outside"]),
        .exclusion: (.acts, ["MembershipTests.outside"]),
        .membership: (.acts, ["MembershipTests.optIn", "MembershipTests.noJoinWhenAutomatic"]),
        .admission: (.acts, ["AdmissionTests.boardAdmits", "AdmissionTests.assemblyAdmits"]),
        .profile: (.acts, ["AdmissionTests.boardAdmits", "MembershipTests.intakeAndProfile"]),
        .resignation: (.acts, ["MembershipTests.optIn", "MembershipTests.intakeAndProfile"]),
        .resignationAfter: (.acts, ["AdmissionTests.resignationAfterWeeks"]),
        .minimumAge: (.acts, ["MembershipTests.minimumAge", "AdmissionTests.notEligible"]),
        .referenceDate: (.acts, ["AssemblyRulesTests.referenceDates"]),
        .referenceDateAtNotice: (.acts, ["AssemblyRulesTests.referenceDates"]),
        .assembliesPerYear: (.acts, ["ComplianceTests.variantsByStatute", "ComplianceTests.calendarInDecember"]),
        .longestGap: (.acts, ["AssemblyRulesTests.yearAdvice", "ComplianceTests.variants"]),
        .notice: (.acts, ["AssemblyRulesTests.notice", "ComplianceTests.variantsByStatute"]),
        .demand: (.acts, ["AssemblyRulesTests.demand", "StoreTests.demands"]),
        .quorumCount: (.acts, ["AssemblyRulesTests.quorum"]),
        .quorumShare: (.acts, ["AssemblyRulesTests.quorum", "RulesCarriedOutTests.secondMeeting"]),
        .decision: (.acts, ["ExplainTests.inheritance", "YearScenarioTests.soesterkwartier"]),
        .majority: (.acts, ["AssemblyRulesTests.decisions"]),
        .blankVotes: (.acts, ["AssemblyRulesTests.decisions"]),
        .tie: (.acts, ["RulesCarriedOutTests.revote", "RulesCarriedOutTests.chairDecides", "RulesCarriedOutTests.tieWithoutTheRule"]),
        .method: (.acts, ["YearScenarioTests.soesterkwartier", "YearScenarioTests.wildemanbuurt"]),
        .budget: (.acts, ["YearScenarioTests.wildemanbuurt"]),
        .seats: (.acts, ["YearScenarioTests.soesterkwartier"]),
        .inspection: (.acts, ["AssemblyRulesTests.proposals", "YearScenarioTests.soesterkwartier"]),
        .secondMeeting: (.acts, ["RulesCarriedOutTests.secondMeeting", "RulesCarriedOutTests.noSecondMeetingWithoutTheRule"]),
        .voteChanges: (.acts, ["SecretBallotTests.replacement", "WebTests.changeOnThePhone"]),
        .proxyLimit: (.acts, ["AssemblyRulesTests.proxies", "YearScenarioTests.deVrijeUitloop"]),
        .proxyForbidden: (.acts, ["AssemblyRulesTests.proxies", "YearScenarioTests.soesterkwartier"]),
        .proposerBoard: (.acts, ["AssemblyRulesTests.proposals"]),
        .proposerMembers: (.acts, ["AssemblyRulesTests.proposals", "YearScenarioTests.wildemanbuurt"]),
        .proposerParty: (.acts, ["AssemblyRulesTests.proposals", "YearScenarioTests.deVrijeUitloop"]),
        .proposalDeadline: (.acts, ["AssemblyRulesTests.proposals", "YearScenarioTests.wildemanbuurt"]),
        .outsideMeetingForbidden: (.acts, ["ComplianceTests.outsideMeeting", "AssemblyRulesTests.outsideMeeting"]),
        .outsideMeeting: (.acts, ["ComplianceTests.outsideMeeting", "AssemblyRulesTests.outsideMeeting"]),
        .shareholder: (.acts, ["AssemblyRulesTests.shareholders", "YearScenarioTests.deVrijeUitloop"]),
        .shareholderRight: (.acts, ["YearScenarioTests.vetoStopsTheBallot", "YearScenarioTests.vetoAfterTheVote", "YearScenarioTests.deVrijeUitloop"]),
        .boardSizeRange: (.acts, ["RulesCarriedOutTests.board", "RulesCarriedOutTests.noBoardRules"]),
        .boardSizeExact: (.acts, ["ComplianceTests.kept", "RulesCarriedOutTests.noBoardRules"]),
        .boardTerm: (.acts, ["RulesCarriedOutTests.board"]),
        .boardSeat: (.acts, ["RulesCarriedOutTests.board", "RulesCarriedOutTests.noBoardRules"]),
        .organisation: (.acts, ["ComplianceTests.variantsByStatute", "ComplianceTests.kept"]),
        .principle: (.describes, ["ExplainTests.text"]),
        .annualAccounts: (.acts, ["ComplianceTests.variantsByStatute", "RulesCarriedOutTests.acrossYears"]),
    ]

    @Test("every form of the statute language has a behaviour test, or is named as not carried out yet")
    func everyFormHasItsTest() throws {
        let missing = FormID.allCases.filter { Self.table[$0] == nil && FormID.notYetCarriedOut[$0] == nil }
        #expect(missing.isEmpty, "forms without a behaviour test: \(missing.map(\.rawValue))")
        let both = FormID.allCases.filter { Self.table[$0] != nil && FormID.notYetCarriedOut[$0] != nil }
        #expect(both.isEmpty, "forms both carried out and not: \(both.map(\.rawValue))")
    }

    @Test("every test the table names exists")
    func namedTestsExist() throws {
        let tests = StoreFixtures.repository.appendingPathComponent("Tests")
        var sources: [String: String] = [:]
        for case let url as URL in FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            sources[url.deletingPathExtension().lastPathComponent] = try String(contentsOf: url, encoding: .utf8)
        }
        for (form, (_, names)) in Self.table {
            #expect(!names.isEmpty, "\(form.rawValue) names no test")
            for name in names {
                let parts = name.split(separator: ".")
                let source = sources[String(parts[0])] ?? ""
                #expect(parts.count == 2 && source.contains("func \(parts[1])("), "\(form.rawValue): no test \(name)")
            }
        }
    }
}
