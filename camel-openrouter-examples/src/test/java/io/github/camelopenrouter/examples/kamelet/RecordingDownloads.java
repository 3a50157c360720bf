package io.github.camelopenrouter.examples.kamelet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.main.download.DownloadListener;

/**
 * What KameletMain resolved, and any extra repository it would have added. A class of its own, not nested in the
 * test: the default surefire execution (without camel-kamelet-main) loads the test class to read its tag, and a
 * nested class implementing a KameletMain interface would break that.
 */
final class RecordingDownloads implements DownloadListener {

    final List<String> downloaded = new CopyOnWriteArrayList<>();
    final List<String> extraRepositories = new CopyOnWriteArrayList<>();

    @Override
    public void onDownloadDependency(String groupId, String artifactId, String version) {
        // recorded once resolved
    }

    @Override
    public void onDownloadedDependency(String groupId, String artifactId, String version) {
        downloaded.add(groupId + ":" + artifactId + ":" + version);
    }

    @Override
    public void onAlreadyDownloadedDependency(String groupId, String artifactId, String version) {
        downloaded.add(groupId + ":" + artifactId + ":" + version);
    }

    @Override
    public void onExtraRepository(String repo) {
        extraRepositories.add(repo);
    }
}
