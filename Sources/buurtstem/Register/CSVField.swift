import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut

/// A CSV field with `;` separators, quoted when needed.
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "," }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
