import Foundation
import Testing
import BuurtstemCore

@Suite("Voting codes")
struct VotingCodeTests {
    @Test("codes have 15 characters in groups, more than 64 random bits, and parse back however they are typed")
    func format() throws {
        var random = SplitMix(state: 9)
        let code = VotingCode.generate(using: &random)
        #expect(code.description.count == 18)
        #expect(code.description.split(separator: "-").map(\.count) == [4, 4, 4, 3])
        #expect(try VotingCode(parsing: code.description) == code)
        #expect(try VotingCode(parsing: code.characters.lowercased()) == code)
        #expect(try VotingCode(parsing: code.description.replacingOccurrences(of: "-", with: " ")) == code)
        // 30 symbols, 14 random ones: log2(30^14) ≈ 68.7 bits.
        #expect(VotingCode.alphabet.count == 30 && !VotingCode.alphabet.contains("O") && !VotingCode.alphabet.contains("1"))
    }

    @Test("every single mistyped character is caught as a typo (1,000 codes)")
    func typos() {
        var random = SplitMix(state: 10)
        var transpositionsCaught = 0
        var transpositions = 0
        for _ in 0..<1000 {
            let code = Array(VotingCode.generate(using: &random).characters)
            let position = Int.random(in: 0..<code.count, using: &random)
            var wrong = code
            repeat { wrong[position] = VotingCode.alphabet.randomElement(using: &random)! } while wrong[position] == code[position]
            #expect(throws: VotingCode.Problem.typo) { try VotingCode(parsing: String(wrong)) }
            let i = Int.random(in: 0..<(code.count - 1), using: &random)
            if code[i] != code[i + 1] {
                transpositions += 1
                var swapped = code
                swapped.swapAt(i, i + 1)
                if (try? VotingCode(parsing: String(swapped))) == nil { transpositionsCaught += 1 }
            }
        }
        #expect(transpositionsCaught * 100 >= transpositions * 95)
        #expect(throws: VotingCode.Problem.wrongLength(3)) { try VotingCode(parsing: "ABC") }
        #expect(throws: VotingCode.Problem.notACodeCharacter("O")) { try VotingCode(parsing: "OOOO-OOOO-OOOO-OOO") }
    }

    @Test("the stored hash depends on the assembly's secret")
    func keyedHash() throws {
        var random = SplitMix(state: 11)
        let code = VotingCode.generate(using: &random)
        #expect(code.keyedHash(secret: [1, 2, 3]) != code.keyedHash(secret: [1, 2, 4]))
        #expect(code.keyedHash(secret: [1, 2, 3]) == code.keyedHash(secret: [1, 2, 3]))
    }
}
