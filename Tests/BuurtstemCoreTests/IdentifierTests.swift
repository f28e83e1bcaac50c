import BuurtstemCore
import Foundation
import Statuut
import Testing

@Suite("Typed ids are their bare number everywhere")
struct IdentifierTests {
    @Test("an id is written and read as its number, in JSON and in an audit payload")
    func bareNumber() throws {
        let ballot: BallotID = 12
        #expect(String(decoding: try JSONEncoder().encode(ballot), as: UTF8.self) == "12")
        #expect(try JSONDecoder().decode(BallotID.self, from: Data("12".utf8)) == ballot)
        #expect(JSONValue.id(ballot) == .int(12))
        #expect("\(ballot)" == "12")
        let event = ProposalCarried(proposal: 7, from: 3, assembly: 2, firstMeeting: 1)
        #expect(event.payload == .object(["proposal": .int(7), "from": .int(3), "assembly": .int(2), "firstMeeting": .int(1)]))
        let reissued = CodeReissued(assembly: 1, member: ResidentID("R1"), oldCodeShown: false, firstBallot: nil)
        #expect(reissued.payload.encoded(pretty: false).contains("\"firstBallot\":null"))
        let later = CodeReissued(assembly: 1, member: ResidentID("R1"), oldCodeShown: false, firstBallot: 4)
        #expect(later.payload.encoded(pretty: false).contains("\"firstBallot\":4"))
    }

    @Test("only a number reads as an id")
    func parsing() {
        #expect(AssemblyID("3") == AssemblyID(3))
        #expect(AssemblyID("drie") == nil && AssemblyID("3a") == nil && AssemblyID("") == nil)
        #expect(BallotID(1) < BallotID(2))
    }
}
