public import Foundation
public import Mustache

/// Templates shipped as a module's resources (`Templates/*.mustache`), read once and rendered with
/// swift-mustache, which escapes every `{{value}}` for HTML; `{{{value}}}` inserts only markup the
/// program made itself (a QR code, a page body made by another template).
public struct TemplateLibrary: Sendable {
    public let library: MustacheLibrary

    /// Every `.mustache` file in the `Templates` folder of `bundle`; a template that does not
    /// parse is a packaging error the tests catch.
    public init(bundle: Bundle) {
        var library = MustacheLibrary()
        if let folder = bundle.url(forResource: "Templates", withExtension: nil),
            let urls = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        {
            for url in urls where url.pathExtension == "mustache" {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                try? library.register(text, named: url.deletingPathExtension().lastPathComponent)
            }
        }
        self.library = library
    }

    /// The template `name` rendered with `context` (dictionaries and arrays of plain values).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            preconditionFailure("the template \(name).mustache is not in the module's resources")
        }
        return text
    }

    /// The template `name` rendered with a view model: a struct whose stored properties the
    /// template names (read by reflection), or anything else swift-mustache renders.
    public func render(_ name: String, view: Any) -> String {
        guard let text = library.render(view, withTemplate: name) else {
            preconditionFailure("the template \(name).mustache is not in the module's resources")
        }
        return text
    }

    /// Whether a template of this name was loaded.
    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }
}
