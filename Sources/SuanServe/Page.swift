/// The page of `suan serve`: static files embedded in the binary (`Page/`), no CDN, no build step.
enum Page {
    static var html: [UInt8] { PackageResources.index_html }
    static var script: [UInt8] { PackageResources.app_js }
    static var style: [UInt8] { PackageResources.style_css }
}
