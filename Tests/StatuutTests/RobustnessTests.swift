import Foundation
import Statuut
import Testing

/// A small deterministic random source (SplitMix64), so that every run tests the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The compiler must finish on any input without crashing, and whatever it accepts must
/// format and parse back to the same statute.
@Suite("Robustness")
struct RobustnessTests {
    static let seeds: [String] = Fixtures.files(in: Fixtures.statutes, withExtension: "statuut").compactMap { try? Fixtures.read($0) }
    static let fragments = [
        "statuut", "artikel", "gebied", "postcode", "t/m", "niet", "huisnummer", "lidmaatschap", "automatisch",
        "oproeping", "minstens", "dagen", "voor", "de", "vergadering", "quorum", "besluit", "aangenomen", "bij",
        "meer", "dan", "1/2", "2/3", "0/0", "10%", "120%", "1067", "PA", "SS", "0123", "\"", "\"tekst\"", "#", ">",
        "2026-02-30", "2026-01-15", "EUR", "25.000", "€5", "statute", "article", "area", "through", "to", "è", "🏠",
        "\t", "  ", "    ", "\n", "99999999999999999", "-", "/", "sociaal", "aandeelhouder", "adviesrecht", "methode",
        "gelijke", "delen", "zetels", "volmacht", "hoogstens", "per", "lid", "\\", "\r\n",
    ]

    @Test("10,000 random and mutated inputs never crash and always finish")
    func neverCrashes() {
        var random = SplitMix64(state: 0xB0E7_57E3)
        var accepted = 0
        for round in 0..<10_000 {
            let input = round % 3 == 0 ? Self.soup(&random) : Self.mutate(Self.seeds[round % Self.seeds.count], &random)
            let result = StatuteCompiler.compile(input, name: "fuzz.statuut")
            _ = DiagnosticRenderer(file: result.file).render(result.diagnostics)
            #expect(result.hasErrors == (result.statute == nil))
            guard let statute = result.statute else { continue }
            accepted += 1
            // What is accepted formats to something that parses back to the same statute.
            let formatted = StatuteFormatter().format(result.syntax)
            let again = StatuteCompiler.compile(formatted)
            #expect(again.statute == statute, "format changed the meaning of:\n\(input)")
            #expect(StatuteFormatter().format(again.syntax) == formatted)
        }
        #expect(accepted > 100, "mutations should leave many statutes valid")
    }

    static func soup(_ random: inout SplitMix64) -> String {
        let count = Int.random(in: 0...80, using: &random)
        return (0..<count).map { _ in fragments.randomElement(using: &random)! }
            .joined(separator: Bool.random(using: &random) ? " " : "")
    }

    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !lines.isEmpty else { break }
            let index = Int.random(in: 0..<lines.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
            case 3: lines[index] = "  " + lines[index]
            case 4: lines[index] = String(lines[index].drop { $0 == " " })
            case 5:
                var characters = Array(lines[index])
                if !characters.isEmpty { characters.remove(at: Int.random(in: 0..<characters.count, using: &random)) }
                lines[index] = String(characters)
            case 6:
                var words = lines[index].components(separatedBy: " ")
                words.insert(fragments.randomElement(using: &random)!, at: Int.random(in: 0...words.count, using: &random))
                lines[index] = words.joined(separator: " ")
            default:
                var words = lines[index].components(separatedBy: " ")
                if !words.isEmpty { words[Int.random(in: 0..<words.count, using: &random)] = fragments.randomElement(using: &random)! }
                lines[index] = words.joined(separator: " ")
            }
        }
        return lines.joined(separator: "\n")
    }
}
