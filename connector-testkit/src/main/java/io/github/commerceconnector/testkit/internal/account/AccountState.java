package io.github.commerceconnector.testkit.internal.account;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.catalog.Feed;
import io.github.commerceconnector.api.catalog.ItemKey;
import io.github.commerceconnector.api.registry.DataSpace;
import io.github.commerceconnector.api.registry.DataSpaceType;
import io.github.commerceconnector.api.registry.SaasProject;
import io.github.commerceconnector.testkit.FeedResult;
import io.github.commerceconnector.testkit.InvalidItem;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a Commerce Services account holds on the gateway side: its edition, the API keys whose
 * signatures it accepts, its SaaS projects and data spaces, and the feed items each data space holds.
 * One instance backs a {@code FakeCommerceServices}, every {@code FakeGateway} built on it and the
 * in-memory catalog sync, so they all see and apply the same rules (PROTOCOL.md §4 and §5).
 *
 * <p>Refusals are {@link AccountError}s carrying the HTTP status the gateway answers. Thread-safe: every
 * method is atomic.
 *
 * <p>Data spaces are named as the registry names them for a new project: {@code Production}, then
 * {@code Testing 1}, {@code Testing 2}. Ids are random UUIDs. Names are compared ignoring case and
 * surrounding whitespace: a project name must be unique in the account, a data space name within its
 * project.
 */
public final class AccountState {
    /** The longest project or data space name accepted (assumed; the registry's limit is not public). */
    public static final int MAX_NAME_LENGTH = 255;

    private final Edition edition;
    private final Clock clock;
    private final int projectLimit;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final Map<String, ProjectEntry> projects = new LinkedHashMap<>();
    private final Map<String, DataSpace> dataSpaces = new HashMap<>();
    private final Map<String, Map<String, LinkedHashMap<ItemKey, Map<String, Object>>>> items = new HashMap<>();
    private final FeedRoutes routes = new FeedRoutes();
    private int itemLimit;
    private boolean checkSchema;

    /**
     * Creates an empty account.
     *
     * @param edition      the license's edition: decides the data spaces of every new project
     * @param clock        the account's time (timestamps)
     * @param projectLimit how many projects the license allows; beyond it a create is a {@code 409}
     * @param itemLimit    the most items one feed request may carry, or {@code 0} for each feed's
     *                     default batch size
     */
    public AccountState(Edition edition, Clock clock, int projectLimit, int itemLimit) {
        this.edition = Objects.requireNonNull(edition, "edition");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (projectLimit < 1) {
            throw new IllegalArgumentException("projectLimit " + projectLimit + " must be at least 1");
        }
        this.projectLimit = projectLimit;
        setItemLimit(itemLimit);
    }

    /** The license's edition. */
    public Edition edition() {
        return edition;
    }

    /** The account's clock. */
    public Clock clock() {
        return clock;
    }

    // ---- API keys -------------------------------------------------------------------------------

    /** Accepts signatures made by the private half of {@code publicKey} under this API key id. */
    public void registerKey(String apiKey, PublicKey publicKey) {
        keys.put(Objects.requireNonNull(apiKey, "apiKey"), Objects.requireNonNull(publicKey, "publicKey"));
    }

    /** Stops accepting an API key id. */
    public boolean unregisterKey(String apiKey) {
        return keys.remove(apiKey) != null;
    }

    /** The public key registered under an API key id, if any. */
    public Optional<PublicKey> publicKey(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(keys.get(apiKey));
    }

    // ---- Registry ---------------------------------------------------------------------------------

    /** Every project with its data spaces, oldest first. */
    public synchronized List<SaasProject> projects() {
        List<SaasProject> result = new ArrayList<>(projects.size());
        for (ProjectEntry entry : projects.values()) {
            result.add(snapshot(entry));
        }
        return result;
    }

    /** One project, if it exists. */
    public synchronized Optional<SaasProject> project(String projectId) {
        ProjectEntry entry = projectId == null ? null : projects.get(projectId);
        return entry == null ? Optional.empty() : Optional.of(snapshot(entry));
    }

    /**
     * One project.
     *
     * @throws AccountError {@code 404} if there is no such project
     */
    public SaasProject requireProject(String projectId) {
        return project(projectId).orElseThrow(() -> projectNotFound(projectId));
    }

    /** One data space, if it exists. */
    public synchronized Optional<DataSpace> dataSpace(String dataSpaceId) {
        return dataSpaceId == null ? Optional.empty() : Optional.ofNullable(dataSpaces.get(dataSpaceId));
    }

    /**
     * One data space.
     *
     * @throws AccountError {@code 404} if there is no such data space
     */
    public DataSpace requireDataSpace(String dataSpaceId) {
        return dataSpace(dataSpaceId).orElseThrow(() -> dataSpaceNotFound(dataSpaceId));
    }

    /**
     * Creates a project with the edition's data spaces.
     *
     * @throws AccountError {@code 400} for a blank or too long name, {@code 409} for a name in use or a
     *     create beyond the license's project allowance
     */
    public synchronized SaasProject createProject(String name) {
        String label = validName(name, "projectName");
        requireUnusedProjectName(label, null);
        if (projects.size() >= projectLimit) {
            throw AccountError.conflict("The license allows " + projectLimit + " SaaS project"
                    + (projectLimit == 1 ? "" : "s") + " and all are in use: rename or reuse an existing project");
        }
        Instant now = clock.instant();
        ProjectEntry entry = new ProjectEntry(UUID.randomUUID().toString(), label);
        for (int i = 0; i < edition.productionDataSpaces(); i++) {
            entry.dataSpaceIds.add(newDataSpace(entry.id, i == 0 ? "Production" : "Production " + (i + 1),
                    DataSpaceType.PRODUCTION, now));
        }
        for (int i = 1; i <= edition.testingDataSpaces(); i++) {
            entry.dataSpaceIds.add(newDataSpace(entry.id, "Testing " + i, DataSpaceType.TESTING, now));
        }
        projects.put(entry.id, entry);
        return snapshot(entry);
    }

    /**
     * Renames a project; ids stay.
     *
     * @throws AccountError {@code 404}, {@code 400} or {@code 409}
     */
    public synchronized SaasProject renameProject(String projectId, String newName) {
        ProjectEntry entry = projectId == null ? null : projects.get(projectId);
        if (entry == null) {
            throw projectNotFound(projectId);
        }
        String label = validName(newName, "projectName");
        requireUnusedProjectName(label, projectId);
        entry.name = label;
        Instant now = clock.instant();
        for (String id : entry.dataSpaceIds) {
            DataSpace d = dataSpaces.get(id);
            dataSpaces.put(id, new DataSpace(d.id(), d.projectId(), d.name(), d.type(), d.mageId(),
                    d.imsOrganizationId(), d.featureSet(), d.cloudId(), d.createdAt(), now));
        }
        return snapshot(entry);
    }

    /**
     * Renames a data space; its id and type stay.
     *
     * @throws AccountError {@code 404}, {@code 400} or {@code 409} (a name in use in the same project)
     */
    public synchronized DataSpace renameDataSpace(String dataSpaceId, String newName) {
        DataSpace current = dataSpaces.get(dataSpaceId);
        if (current == null) {
            throw dataSpaceNotFound(dataSpaceId);
        }
        String label = validName(newName, "environmentName");
        for (String id : projects.get(current.projectId()).dataSpaceIds) {
            if (!id.equals(dataSpaceId) && sameName(dataSpaces.get(id).name(), label)) {
                throw AccountError.conflict("The name '" + label + "' is already used by another data space of "
                        + "this project: choose another name");
            }
        }
        DataSpace renamed = new DataSpace(current.id(), current.projectId(), label, current.type(),
                current.mageId(), current.imsOrganizationId(), current.featureSet(), current.cloudId(),
                current.createdAt(), clock.instant());
        dataSpaces.put(dataSpaceId, renamed);
        return renamed;
    }

    /**
     * Sets the registry's {@code featureSet} of a data space (the services enabled for it), or clears it
     * with {@code null}.
     *
     * @throws AccountError {@code 404} if there is no such data space
     */
    public synchronized DataSpace featureSet(String dataSpaceId, String featureSet) {
        DataSpace current = dataSpaces.get(dataSpaceId);
        if (current == null) {
            throw dataSpaceNotFound(dataSpaceId);
        }
        DataSpace changed = new DataSpace(current.id(), current.projectId(), current.name(), current.type(),
                current.mageId(), current.imsOrganizationId(), featureSet, current.cloudId(), current.createdAt(),
                clock.instant());
        dataSpaces.put(dataSpaceId, changed);
        return changed;
    }

    /**
     * Ties a data space to a cloud project.
     *
     * @throws AccountError {@code 404} or {@code 400} for a blank cloud id
     */
    public synchronized DataSpace assignCloudId(String dataSpaceId, String cloudId) {
        DataSpace current = dataSpaces.get(dataSpaceId);
        if (current == null) {
            throw dataSpaceNotFound(dataSpaceId);
        }
        if (cloudId == null || cloudId.isBlank()) {
            throw AccountError.badRequest("The cloud id is empty: give the Adobe Commerce cloud project id");
        }
        DataSpace tied = new DataSpace(current.id(), current.projectId(), current.name(), current.type(),
                current.mageId(), current.imsOrganizationId(), current.featureSet(), cloudId.strip(),
                current.createdAt(), clock.instant());
        dataSpaces.put(dataSpaceId, tied);
        return tied;
    }

    /**
     * Erases every feed item a data space holds.
     *
     * @throws AccountError {@code 404} if there is no such data space
     */
    public synchronized void cleanup(String dataSpaceId) {
        requireDataSpace(dataSpaceId);
        items.remove(dataSpaceId);
    }

    // ---- Feeds ------------------------------------------------------------------------------------

    /** Serves a feed at its route, replacing a registered feed of the same name. */
    public synchronized void registerFeed(Feed feed) {
        routes.register(feed);
    }

    /** The feeds served at a route; empty when the route is not a feed route. */
    public synchronized List<Feed> feedsAtRoute(String route) {
        return routes.atRoute(route);
    }

    /** Every feed the account serves. */
    public synchronized List<Feed> feeds() {
        return routes.all();
    }

    /** Sets the most items one feed request may carry; {@code 0} restores each feed's default batch size. */
    public synchronized void setItemLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("item limit " + limit + " is negative: use 0 for each feed's "
                    + "default batch size, or a positive number");
        }
        this.itemLimit = limit;
    }

    /**
     * Turns schema mode on or off: each item of a feed the exporter's schema names is then held against it
     * ({@link SchemaCheck}), and refused, one entry per offending field, when a name is not the schema's or a
     * value not of its JSON type.
     */
    public synchronized void setCheckSchema(boolean on) {
        this.checkSchema = on;
    }

    /** Whether schema mode is on. */
    public synchronized boolean checkSchema() {
        return checkSchema;
    }

    /** The most items one request to this route may carry. */
    public synchronized int itemLimit(String route) {
        if (itemLimit > 0) {
            return itemLimit;
        }
        int limit = 0;
        for (Feed feed : routes.atRoute(route)) {
            limit = Math.max(limit, feed.defaultBatchSize());
        }
        return limit;
    }

    /**
     * Applies one feed request: {@code POST {route}/{dataSpaceId}} with a JSON array of items, given
     * here as decoded JSON ({@link Map}s with {@link String} keys, {@link List}s, strings, numbers,
     * booleans, {@code null}). Each item is an upsert keyed by its feed's identity fields, or a removal
     * with {@code "deleted": true}. Items that are not JSON objects, lack the identity fields or carry a
     * non-boolean {@code deleted} are refused one by one, and so, in {@linkplain #setCheckSchema schema mode},
     * are items with a field the exporter's schema does not have or a value not of its type; the rest are
     * applied.
     *
     * @return what was stored, removed and refused
     * @throws AccountError {@code 404} for an unknown data space or route, {@code 413} for more items
     *     than the route's limit (nothing is applied then)
     */
    public synchronized FeedResult acceptFeed(String dataSpaceId, String route, List<?> batch) {
        requireDataSpace(dataSpaceId);
        List<Feed> feeds = routes.atRoute(route);
        if (feeds.isEmpty()) {
            throw AccountError.notFound("No feed is served at " + route + ": use one of "
                    + routes.all().stream().map(Feed::route).distinct().toList());
        }
        int limit = itemLimit(route);
        if (batch.size() > limit) {
            throw new AccountError(413, "This request carries " + batch.size() + " items; " + route
                    + " accepts at most " + limit + " per request: send smaller batches");
        }
        int upserted = 0;
        int deleted = 0;
        List<InvalidItem> invalid = new ArrayList<>();
        Map<String, LinkedHashMap<ItemKey, Map<String, Object>>> held =
                items.computeIfAbsent(dataSpaceId, id -> new HashMap<>());
        for (int index = 0; index < batch.size(); index++) {
            Object element = batch.get(index);
            if (!(element instanceof Map<?, ?>)) {
                invalid.add(new InvalidItem(index, "NOT_AN_OBJECT", "Item " + index + " is " + describe(element)
                        + ", not a JSON object: send each feed item as an object"));
                continue;
            }
            Map<String, Object> item = JsonValues.copyObject((Map<?, ?>) element);
            Feed feed = FeedRoutes.resolve(feeds, item);
            if (feed == null) {
                invalid.add(new InvalidItem(index, "MISSING_IDENTITY", missingIdentity(index, route, feeds, item)));
                continue;
            }
            Object deletedFlag = item.get("deleted");
            if (deletedFlag != null && !(deletedFlag instanceof Boolean)) {
                invalid.add(new InvalidItem(index, "INVALID_FIELD", "Item " + index + " has \"deleted\": "
                        + describe(deletedFlag) + ": use true to delete the item, or false or no field to keep it"));
                continue;
            }
            if (checkSchema && refusedBySchema(index, feed, item, invalid)) {
                continue;
            }
            ItemKey key = ItemKey.ofItem(feed, item);
            LinkedHashMap<ItemKey, Map<String, Object>> feedItems =
                    held.computeIfAbsent(feed.name(), name -> new LinkedHashMap<>());
            if (Boolean.TRUE.equals(deletedFlag)) {
                feedItems.remove(key);
                deleted++;
            } else {
                feedItems.put(key, item);
                upserted++;
            }
        }
        return new FeedResult(upserted, deleted, invalid);
    }

    /**
     * The items a data space holds for a feed, in the order first stored.
     *
     * @throws IllegalArgumentException for an unknown data space
     */
    public synchronized List<Map<String, Object>> items(String dataSpaceId, Feed feed) {
        if (!dataSpaces.containsKey(dataSpaceId)) {
            throw new IllegalArgumentException("This fake account has no data space " + dataSpaceId
                    + ": use the id of a data space of one of its projects");
        }
        Map<String, LinkedHashMap<ItemKey, Map<String, Object>>> held = items.get(dataSpaceId);
        LinkedHashMap<ItemKey, Map<String, Object>> feedItems = held == null ? null : held.get(feed.name());
        return feedItems == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(feedItems.values()));
    }

    /** Forgets every project, data space, item and API key; edition, limits and feeds stay. */
    public synchronized void reset() {
        keys.clear();
        projects.clear();
        dataSpaces.clear();
        items.clear();
    }

    // ---- Helpers ----------------------------------------------------------------------------------

    private String newDataSpace(String projectId, String name, DataSpaceType type, Instant now) {
        String id = UUID.randomUUID().toString();
        dataSpaces.put(id, new DataSpace(id, projectId, name, type, null, null, null, null, now, now));
        return id;
    }

    private SaasProject snapshot(ProjectEntry entry) {
        List<DataSpace> spaces = new ArrayList<>(entry.dataSpaceIds.size());
        for (String id : entry.dataSpaceIds) {
            spaces.add(dataSpaces.get(id));
        }
        return new SaasProject(entry.id, entry.name, spaces);
    }

    private void requireUnusedProjectName(String label, String exceptProjectId) {
        for (ProjectEntry other : projects.values()) {
            if (!other.id.equals(exceptProjectId) && sameName(other.name, label)) {
                throw AccountError.conflict("A SaaS project named '" + label + "' already exists: choose another "
                        + "name, or use that project");
            }
        }
    }

    private static AccountError projectNotFound(String projectId) {
        return AccountError.notFound("Merchant registry not found: no SaaS project with id " + projectId
                + " is visible to these keys");
    }

    private static AccountError dataSpaceNotFound(String dataSpaceId) {
        return AccountError.notFound("Merchant registry not found: no data space (environment) with id "
                + dataSpaceId + " is visible to these keys");
    }

    private static boolean sameName(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private static String validName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw AccountError.badRequest(field + " is empty: give a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        String label = name.strip();
        if (label.length() > MAX_NAME_LENGTH) {
            throw AccountError.badRequest(field + " has " + label.length() + " characters: give at most "
                    + MAX_NAME_LENGTH);
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw AccountError.badRequest(field + " contains a control character: use printable characters only");
        }
        return label;
    }

    /** Lists the fields of an item that do not fit the schema, by field; whether there were any. */
    private static boolean refusedBySchema(int index, Feed feed, Map<String, Object> item, List<InvalidItem> invalid) {
        List<SchemaCheck.Problem> problems = SchemaCheck.exporterSchema().check(feed.name(), item);
        for (SchemaCheck.Problem problem : problems) {
            invalid.add(new InvalidItem(index, "SCHEMA_MISMATCH", problem.message(), "/" + index + problem.path()));
        }
        return !problems.isEmpty();
    }

    private static String missingIdentity(int index, String route, List<Feed> feeds, Map<String, Object> item) {
        StringBuilder message = new StringBuilder("Item ").append(index).append(" lacks its identity: ");
        if (feeds.size() == 1) {
            Feed feed = feeds.get(0);
            List<String> missing = feed.identityFields().stream()
                    .filter(field -> !FeedRoutes.hasIdentityValue(item, field))
                    .toList();
            message.append("missing or blank ").append(missing).append("; every ").append(feed.name())
                    .append(" item needs ").append(feed.identityFields()).append(" as strings or numbers");
        } else {
            message.append("an item at ").append(route).append(" needs ");
            for (int i = 0; i < feeds.size(); i++) {
                if (i > 0) {
                    message.append(" or ");
                }
                message.append(feeds.get(i).identityFields()).append(" (").append(feeds.get(i).name()).append(')');
            }
        }
        return message.toString();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static final class ProjectEntry {
        private final String id;
        private final List<String> dataSpaceIds = new ArrayList<>();
        private String name;

        private ProjectEntry(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
