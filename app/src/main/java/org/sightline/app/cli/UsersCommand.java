package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sightline.app.Sightline;
import org.sightline.app.security.UserService;
import org.sightline.app.security.domain.Role;
import org.sightline.app.security.domain.UserAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manages the people who may log in. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Add or list users.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
public class UsersCommand implements Runnable {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Override
    public void run() {
        System.out.println("Usage: sightline users add|list; see 'sightline users --help'.");
    }

    /** Options shared by the users subcommands. */
    static class ConfigOptions {
        @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file with the database settings.")
        List<Path> configFiles = new ArrayList<>();

        @Option(names = "--env", paramLabel = "NAME", split = ",", description = "Configuration environment(s).")
        List<String> environments = new ArrayList<>();

        ApplicationContext start() {
            if (!configFiles.isEmpty()) {
                System.setProperty("micronaut.config.files",
                        configFiles.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(",")));
            }
            List<String> envs = new ArrayList<>(environments);
            envs.add("cli");
            return ApplicationContext.builder().mainClass(Sightline.class).deduceEnvironment(false).banner(false)
                    .environments(envs.toArray(String[]::new))
                    // a command-line tool must not join the service's MQTT subscriptions (it would
                    // take reads away from the running service) nor start a broker
                    .properties(Map.of("sightline.mqtt.check-at-startup", false,
                            "sightline.broker.embedded.enabled", false,
                            "sightline.ingest.enabled", false,
                            "sightline.alerting.listen", false,
                            "sightline.retention.enabled", false,
                            "micronaut.server.enabled", false))
                    .start();
        }
    }

    /** {@code users add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user (or replace the password and roles of an existing one). Prints a generated password unless --password-stdin is given.")
    static class Add implements Callable<Integer> {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
                description = "Comma-separated roles: OPERATOR, PLANNER, ENGINEER, SUPERVISOR, ADMIN.")
        List<String> roles;

        @Option(names = "--covert", description = "Clear the user for covert hotlists.")
        boolean covert;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @picocli.CommandLine.Mixin
        ConfigOptions config = new ConfigOptions();

        @Override
        public Integer call() throws Exception {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                Optional<Role> role = Role.find(r);
                if (role.isEmpty()) {
                    System.err.println("Unknown role '" + r + "': allowed roles are " + Role.allowedNames());
                    return 2;
                }
                parsed.add(role.get());
            }
            String password;
            if (passwordStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } else {
                password = generatePassword();
            }
            try (ApplicationContext ctx = config.start()) {
                ctx.getBean(UserService.class).createOrReplace(username, password, parsed, covert);
            } catch (IllegalArgumentException e) {
                System.err.println("Cannot add user: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
            System.out.println("User " + username + " saved with roles " + parsed
                    + (passwordStdin ? "" : "; password: " + password));
            return 0;
        }
    }

    /** {@code users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static class ListUsers implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ConfigOptions config = new ConfigOptions();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = config.start()) {
                for (UserAccount u : ctx.getBean(UserService.class).listUsers()) {
                    System.out.printf("%-24s %-40s %s%s%n", u.username(), u.roles(),
                            u.enabled() ? "enabled" : "disabled", u.covertCleared() ? ", covert-cleared" : "");
                }
                return 0;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** A random password of 16 characters from an alphabet without look-alike characters. */
    public static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
