import Foundation
import TechStackModel

/// The repository a manifest is compared with (`--observe`): the one folder given
/// (`--observe-dir`), else the manifest's own folder.
public enum ManifestRepository {
    public static func folder(of manifest: String, observeDir: String?) -> String {
        if let observeDir { return observeDir }
        let folder = (manifest as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}

/// What the repository of each manifest shows, for `lint --observe`: each folder is scanned
/// once, however many manifests it holds.
public final class ManifestObserver {
    public let detector: Detector
    public let catalogue: Catalogue
    /// `--observe-dir`: the one repository of every manifest.
    public let directory: String?
    private var cache: [String: DetectResult] = [:]

    public init(detector: Detector, catalogue: Catalogue, directory: String?) {
        self.detector = detector
        self.catalogue = catalogue
        self.directory = directory
    }

    /// `progress` is told the folder, the files scanned and the files to scan.
    public func observe(manifest: String, progress: ((String, Int, Int) -> Void)? = nil) throws(Diagnostic) -> DetectResult {
        let folder = ManifestRepository.folder(of: manifest, observeDir: directory)
        if let known = cache[folder] { return known }
        let observation = try detector.scan(folder, progress: progress.map { p in { done, total in p(folder, done, total) } })
        let result = DetectResult(observation, catalogue: catalogue)
        cache[folder] = result
        return result
    }
}
