import BuurtstemCore
import Statuut
import Testing

/// A ballot's result is made, stored and read as one type, and reading its stored form back gives
/// the same result and the same bytes.
@Suite("Ballot results as a type")
struct BallotResultTests {
    static let options = [
        BallotOption(id: "a", name: "Bankjes", cost: 10_000), BallotOption(id: "b", name: "Bomen", cost: 20_000),
        BallotOption(id: "c", name: "Speeltuin", cost: 30_000),
    ]
    static let choices: [Choice] = [
        .options(["a", "b"]), .options(["b", "c"]), .options(["b"]), .options(["c", "a"]), .options(["a"]), .options([]),
    ]

    @Test(
        "every method's result survives its stored form unchanged",
        arguments: [
            TallyMethod.yesNo, .plurality, .approval, .instantRunoff, .schulze, .singleTransferableVote, .equalShares, .greedy, .greedyTopUp,
        ])
    func roundTrip(_ method: TallyMethod) throws {
        let choices: [Choice] = method == .yesNo ? [.yes, .yes, .no, .blank] : Self.choices
        var attendance = Attendance()
        attendance.restore(present: Set((1...6).map { ResidentID("R\($0)") }), proxies: [:])
        var result = BallotCounting.count(
            choices, method: method, options: Self.options, seats: 2, budget: 40_000, kind: TestStatutes.wildeman.decisionKinds[0],
            attendance: attendance, electorate: 10)
        result.ballot = 3
        result.proposal = 2
        result.chairDecision = BallotResult.ChairDecision(adopted: true, chair: "Fatima")
        result.newStatuteValidFrom = CivilDate(iso: "2027-01-01")
        let read = try BallotResult(json: result.stored)
        #expect(read == result)
        #expect(read.stored == result.stored)
        #expect(method == .yesNo ? read.yes == 2 && read.explanation != nil : read.rounds?.isEmpty == false)
    }

    @Test("a stored result with a key of the wrong type is an error that names the key, never a default")
    func unreadable() {
        #expect(throws: BallotResult.Unreadable(key: "yes", expected: "a whole number")) {
            try BallotResult(json: #"{"method":"yes-no","outcome":"adopted","yes":"3"}"#)
        }
        #expect(throws: BallotResult.Unreadable(key: "outcome", expected: "an outcome")) {
            try BallotResult(json: #"{"method":"yes-no","outcome":"maybe"}"#)
        }
        #expect(throws: BallotResult.Unreadable(key: "", expected: "a JSON object")) { try BallotResult(json: "[1]") }
    }

    @Test("a tally method's own facts are kept beside the typed fields")
    func details() throws {
        let result = BallotCounting.count(
            Self.choices, method: .singleTransferableVote, options: Self.options, seats: 2, budget: nil,
            kind: TestStatutes.wildeman.decisionKinds[0], attendance: Attendance(), electorate: 10)
        #expect(result.details["seats"] == .int(2) && result.details["quota"] != nil)
        #expect(result.details["method"] == nil && result.json["method"] == .string("stv-scottish"))
    }
}
