import BuurtstemCore
import Foundation
import Testing

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

    @Test("what a phone's keyboard types instead is read as meant: full-width, Cyrillic and Greek look-alikes, other dashes and spaces")
    func lookalikes() throws {
        var random = SplitMix(state: 12)
        let code = VotingCode.generate(using: &random)
        let plain = code.characters
        let fullWidth = String(plain.unicodeScalars.map { Character(UnicodeScalar($0.value + 0xFEE0)!) })
        #expect(try VotingCode(parsing: fullWidth) == code)
        let cyrillic = String(plain.map { ["A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "P": "Р", "C": "С", "T": "Т", "X": "Х"][$0] ?? $0 })
        #expect(try VotingCode(parsing: cyrillic.lowercased()) == code)
        let greek = String(plain.map { ["A": "Α", "Z": "Ζ", "N": "Ν", "Y": "Υ"][$0] ?? $0 })
        #expect(try VotingCode(parsing: greek) == code)
        #expect(try VotingCode(parsing: " " + code.description.replacingOccurrences(of: "-", with: "\u{2013}") + "\u{00A0}") == code)
        // What cannot be meant is refused by name, with a hint for the characters codes leave out.
        #expect(throws: VotingCode.Problem.notACodeCharacter("O")) { try VotingCode(parsing: "O" + plain.dropFirst()) }
        #expect(VotingCode.Problem.notACodeCharacter("0").description.contains("no 0 (zero)"))
        #expect(throws: VotingCode.Problem.notACodeCharacter("Ж")) { try VotingCode(parsing: "Ж" + plain.dropFirst()) }
        #expect(throws: VotingCode.Problem.self) { try VotingCode(parsing: String(repeating: "A", count: 10_000)) }
    }

    @Test("ballot markers: one per code and ballot, never the stored hash, and different on every ballot")
    func markers() {
        var random = SplitMix(state: 13)
        let code = VotingCode.generate(using: &random)
        let secret = [UInt8](repeating: 7, count: 32)
        #expect(code.ballotMarker(secret: secret, ballot: 1) == code.ballotMarker(secret: secret, ballot: 1))
        #expect(code.ballotMarker(secret: secret, ballot: 1) != code.ballotMarker(secret: secret, ballot: 2))
        #expect(code.ballotMarker(secret: secret, ballot: 1) != code.keyedHash(secret: secret))
    }

    @Test("the stored hash depends on the assembly's secret")
    func keyedHash() throws {
        var random = SplitMix(state: 11)
        let code = VotingCode.generate(using: &random)
        #expect(code.keyedHash(secret: [1, 2, 3]) != code.keyedHash(secret: [1, 2, 4]))
        #expect(code.keyedHash(secret: [1, 2, 3]) == code.keyedHash(secret: [1, 2, 3]))
    }
}

@Suite("Voting codes: invisible characters")
struct VotingCodeInvisibleTests {
    @Test("a byte-order mark, a zero-width space or a word joiner anywhere in a code is ignored")
    func invisible() throws {
        var random = SystemRandomNumberGenerator()
        let code = VotingCode.generate(using: &random)
        for mark in ["\u{FEFF}", "\u{200B}", "\u{2060}", "\u{200D}"] {
            #expect(try VotingCode(parsing: mark + code.description) == code)
            #expect(try VotingCode(parsing: code.description + mark) == code)
        }
    }
}
