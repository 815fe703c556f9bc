/// The Stdlib sources and bundled years, embedded in the binary at build time.
public enum StdlibFiles {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The Stdlib modules in load order, with the names diagnostics use.
    public static var all: [(name: String, text: String)] {
        [
            ("Stdlib/units.suan", text(PackageResources.units_suan)),
            ("Stdlib/prelude.suan", text(PackageResources.prelude_suan)),
            ("Stdlib/scoring.suan", text(PackageResources.scoring_suan)),
            ("Stdlib/planning.suan", text(PackageResources.planning_suan)),
        ]
    }

    /// Bundled years by collection (`nil` for the seed department, "示例" for the training one) and year.
    public static func year(_ year: Int, collection: String?) -> (name: String, text: String)? {
        switch (collection, year) {
        case (nil, 2022): ("Stdlib/years/seed-2022.suan", text(PackageResources.seed_2022_suan))
        case ("示例", 2020): ("Stdlib/years/示例-2020.suan", text(PackageResources.示例_2020_suan))
        case ("示例", 2021): ("Stdlib/years/示例-2021.suan", text(PackageResources.示例_2021_suan))
        case ("示例", 2022): ("Stdlib/years/示例-2022.suan", text(PackageResources.示例_2022_suan))
        default: nil
        }
    }

    /// The bundled years, for messages and completion.
    public static let bundled: [(collection: String?, year: Int)] = [(nil, 2022), ("示例", 2020), ("示例", 2021), ("示例", 2022)]
}
