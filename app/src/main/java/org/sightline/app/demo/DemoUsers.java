package org.sightline.app.demo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.app.cli.UsersCommand;
import org.sightline.app.security.UserService;
import org.sightline.app.security.domain.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's users, one per role, with generated passwords kept in a private file
 * ({@code sightline.demo.users-file}) so that a second demo run logs in with the same ones.
 */
@Context
@Requires(property = "sightline.demo.users-file")
public class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    private static final Map<String, Set<Role>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("operator", EnumSet.of(Role.OPERATOR));
        USERS.put("planner", EnumSet.of(Role.PLANNER));
        USERS.put("engineer", EnumSet.of(Role.ENGINEER));
        USERS.put("supervisor", EnumSet.of(Role.SUPERVISOR, Role.OPERATOR));
        USERS.put("admin", EnumSet.of(Role.ADMIN));
    }

    public DemoUsers(@Value("${sightline.demo.users-file}") Path file, UserService users) {
        Map<String, String> passwords = readOrCreate(file);
        passwords.forEach((name, password) -> users.createOrReplace(name, password, USERS.get(name),
                name.equals("operator") || name.equals("supervisor")));
        LOG.info("Demo users ready ({}); passwords in {}", String.join(", ", passwords.keySet()), file.toAbsolutePath());
    }

    private static Map<String, String> readOrCreate(Path file) {
        Map<String, String> passwords = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length >= 2 && USERS.containsKey(parts[0])) {
                        passwords.put(parts[0], parts[1]);
                    }
                }
            }
            if (passwords.keySet().containsAll(USERS.keySet())) {
                return passwords;
            }
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, Set<Role>> u : USERS.entrySet()) {
                String pw = passwords.computeIfAbsent(u.getKey(), k -> UsersCommand.generatePassword());
                lines.add(String.format("%-11s %s  %s", u.getKey(), pw, u.getValue()));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file stays with the default permissions
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the demo users file " + file + ": " + e.getMessage(), e);
        }
    }
}
