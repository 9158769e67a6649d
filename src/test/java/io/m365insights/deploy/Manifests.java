package io.m365insights.deploy;

import io.fabric8.kubernetes.api.model.Container;

/** The rendered k8s/ manifests, for tests outside this package (the probes the packaged app must answer). */
public final class Manifests {
    private Manifests() {
    }

    /** The application container of the k8s/base Deployment, rendered and validated. */
    public static Container baseContainer() {
        return ManifestsTest.render(ManifestsTest.BASE).container();
    }
}
