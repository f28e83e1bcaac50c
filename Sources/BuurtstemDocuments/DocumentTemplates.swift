import Foundation
import Mustache

/// The documents' templates (`Templates/*.mustache`, shipped as resources): rendered with
/// swift-mustache, which escapes every `{{value}}` for HTML; only `{{{value}}}` inserts markup made
/// by the program itself (a QR code's SVG).
enum DocumentTemplates {
    /// Every template, read once. A missing or broken template is a packaging error, caught by the tests.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let urls = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { return library }
        for url in urls where url.pathExtension == "mustache" {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            try? library.register(text, named: url.deletingPathExtension().lastPathComponent)
        }
        return library
    }()

    /// The template `name` rendered with `context` (dictionaries and arrays of plain values).
    static func render(_ name: String, _ context: [String: Any]) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            preconditionFailure("the template \(name).mustache is not in the package's resources")
        }
        return text
    }
}
