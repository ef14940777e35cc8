package org.sightline.app.cli;

import picocli.CommandLine;

/** Reports the jar's version. */
public class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Sightline " + (v == null ? "development build" : v)};
    }
}
