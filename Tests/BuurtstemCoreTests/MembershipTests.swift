import BuurtstemCore
import Statuut
import Testing

@Suite("Membership by postcode")
struct MembershipTests {
    let wildeman = MembershipRules(statute: TestStatutes.wildeman)

    @Test("a resident of the area is a member automatically, citing the articles")
    func automatic() {
        let r = resident("R1", "1067 PB", 12)
        let verdict = wildeman.verdict(for: r, on: date("2026-10-01"))
        #expect(verdict.isMember)
        #expect(wildeman.isMember(r, on: date("2026-10-01")))
        #expect(
            verdict.checks.map(\.source) == [
                .article(number: 2, title: "Gebied"), .article(number: 3, title: "Leden"), .article(number: 3, title: "Leden"),
            ])
    }

    @Test("outside the area, or in an excluded house-number range, is no member")
    func outside() {
        #expect(!wildeman.isMember(resident("R1", "1068 AB", 1), on: date("2026-10-01")))
        // `niet 1067 RX huisnummer 2 t/m 20 even`
        #expect(!wildeman.isMember(resident("R2", "1067 RX", 14), on: date("2026-10-01")))
        #expect(wildeman.isMember(resident("R3", "1067 RX", 15), on: date("2026-10-01")))
        #expect(wildeman.isMember(resident("R4", "1067 RX", 22), on: date("2026-10-01")))
        let verdict = wildeman.verdict(for: resident("R2", "1067 RX", 14), on: date("2026-10-01"))
        #expect(verdict.checks.last?.en == "lives at 1067 RX 14 on 2026-10-01, which is expressly excluded from the area Wildemanbuurt")
    }

    @Test("a resident who moved out before the reference date is not in the electorate, and why says so")
    func movedOut() {
        let r = resident("R9", "1067 PB", 12, out: "2026-09-01")
        #expect(wildeman.isMember(r, on: date("2026-08-31")))
        #expect(!wildeman.isMember(r, on: date("2026-09-01")))
        let verdict = wildeman.verdict(for: r, on: date("2026-09-15"))
        #expect(!verdict.isMember)
        #expect(verdict.checks.count == 1)
        #expect(verdict.checks[0].nl == "woonde op 2026-09-15 niet meer in het register: verhuisd op 2026-09-01 van 1067 PB 12")
        #expect(verdict.checks[0].source == .article(number: 3, title: "Leden"))
        #expect(wildeman.members(of: [r, resident("R1", "1067 PC", 3)], on: date("2026-09-15")) == [ResidentID("R1")])
    }

    @Test("the minimum age counts on the date; with only a birth year, the youngest possible age")
    func minimumAge() {
        let sixteen = resident("R1", "1067 PB", 1, born: "2010-10-01")
        #expect(!wildeman.isMember(sixteen, on: date("2026-09-30")))
        #expect(wildeman.isMember(sixteen, on: date("2026-10-01")))
        var byYear = resident("R2", "1067 PB", 1, born: nil)
        byYear.birth = .year(2010)
        #expect(!wildeman.isMember(byYear, on: date("2026-12-30")))
        #expect(wildeman.isMember(byYear, on: date("2026-12-31")))
        let unknown = resident("R3", "1067 PB", 1, born: nil)
        #expect(!wildeman.isMember(unknown, on: date("2026-12-31")))
        #expect(
            wildeman.verdict(for: unknown, on: date("2026-12-31")).checks.last?.en
                == "birth date unknown, so the minimum age of 16 cannot be shown")
    }

    @Test("automatic membership cannot be joined or left")
    func noJoinWhenAutomatic() {
        let r = resident("R1", "1067 PB", 12)
        #expect(throws: MembershipRefusal.self) { try wildeman.join(r, on: date("2026-10-01"), events: []) }
        #expect(throws: MembershipRefusal.self) { try wildeman.leave(r, on: date("2026-10-01"), events: []) }
    }

    @Test("opt-in: members join, and leaving takes effect as the statute says")
    func optIn() throws {
        let rules = MembershipRules(statute: TestStatutes.soesterkwartier)
        let r = resident("S1", "3812 AB", 5)
        #expect(!rules.isMember(r, on: date("2026-05-01")))
        #expect(rules.verdict(for: r, on: date("2026-05-01")).checks.last?.en == "has not asked to become a member (membership on request)")
        let join = try rules.join(r, on: date("2026-05-01"), events: [])
        #expect(rules.isMember(r, on: date("2026-05-01"), events: [join]))
        #expect(throws: MembershipRefusal.self) { try rules.join(r, on: date("2026-06-01"), events: [join]) }
        // `opzegging per direct`
        let leave = try rules.leave(r, on: date("2026-07-01"), events: [join])
        #expect(leave.effectiveOn == date("2026-07-01"))
        #expect(!rules.isMember(r, on: date("2026-07-01"), events: [join, leave]))
        #expect(rules.isMember(r, on: date("2026-06-30"), events: [join, leave]))
        // Only residents of the area may join.
        #expect(throws: MembershipRefusal.self) { try rules.join(resident("S2", "3811 AB", 5), on: date("2026-05-01"), events: []) }
    }

    @Test("De Vrije Uitloop: intake and profile before admission; resignation at the end of the year")
    func intakeAndProfile() throws {
        let rules = MembershipRules(statute: TestStatutes.vrijeUitloop)
        let r = resident("V1", "4811 AA", 1)
        let noIntake = #expect(throws: MembershipRefusal.self) { try rules.join(r, on: date("2026-07-01"), events: []) }
        #expect(noIntake?.source == .article(number: 3, title: "Leden"))
        #expect(throws: MembershipRefusal.self) {
            try rules.join(r, on: date("2026-07-01"), events: [], intakeOn: date("2026-06-20"), meetsProfile: false)
        }
        let join = try rules.join(r, on: date("2026-07-01"), events: [], intakeOn: date("2026-06-20"), meetsProfile: true)
        let leave = try rules.leave(r, on: date("2026-12-10"), events: [join])
        // Four weeks' notice from 10 December runs into 2027: the membership ends at the end of 2027.
        #expect(leave.effectiveOn == date("2028-01-01"))
        let early = try rules.leave(r, on: date("2026-11-01"), events: [join])
        #expect(early.effectiveOn == date("2027-01-01"))
    }

    @Test("history: a resident who moved is judged by the address of the day")
    func history() {
        var r = resident("R1", "1067 PB", 12, out: "2026-06-01")
        r.residences.append(
            Residence(
                address: Address(postcode: try! Postcode(parsing: "1068 AB"), houseNumber: 3),
                movedIn: date("2026-06-01"), movedOut: nil))
        #expect(wildeman.isMember(r, on: date("2026-05-31")))
        #expect(!wildeman.isMember(r, on: date("2026-06-01")))
    }
}
