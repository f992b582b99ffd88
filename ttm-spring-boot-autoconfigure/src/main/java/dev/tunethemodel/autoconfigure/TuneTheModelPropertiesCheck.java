package dev.tunethemodel.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.util.PlaceholderResolutionException;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stops the startup, before any bean is created, on the mistakes that would otherwise
 * pass silently or fail late: a {@code tunethemodel.*} value that is still an unresolved
 * {@code ${...}} placeholder (sent as the key, or used as the URL, as written), a blank
 * {@code tunethemodel.chat.model-id} (every prompt would fail), and a property under
 * {@code tunethemodel.} that nothing reads (a mistyped one leaves its default in place,
 * such as the real API's URL). The known properties are those of the configuration
 * metadata on the class path, so every module's properties count; it is read only when a
 * property is not one that {@link TuneTheModelProperties} binds.
 */
final class TuneTheModelPropertiesCheck implements BeanFactoryPostProcessor {

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("tunethemodel");

	private static final ConfigurationPropertyName CHAT_MODEL_ID = ConfigurationPropertyName
		.of("tunethemodel.chat.model-id");

	private final Environment environment;

	private final @Nullable ClassLoader classLoader;

	TuneTheModelPropertiesCheck(Environment environment, @Nullable ClassLoader classLoader) {
		this.environment = environment;
		this.classLoader = classLoader;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check();
	}

	/**
	 * Check the {@code tunethemodel.*} properties of the environment.
	 * @throws TuneTheModelPropertiesException on an unresolved placeholder or an unknown
	 * property
	 */
	void check() {
		Map<ConfigurationPropertyName, ConfigurationProperty> properties = properties();
		for (ConfigurationProperty property : properties.values()) {
			requireResolved(property);
		}
		requireChatModelId(properties.get(CHAT_MODEL_ID));
		// what the client's properties read needs no metadata: most startups read none
		Set<ConfigurationPropertyName> boundNames = new HashSet<>();
		Set<String> boundSpellings = new HashSet<>();
		bindClientProperties(boundNames, boundSpellings);
		List<ConfigurationProperty> unbound = properties.values()
			.stream()
			.filter((property) -> !boundNames.contains(property.getName()) && !isRead(property, boundSpellings))
			.toList();
		if (unbound.isEmpty()) {
			return;
		}
		Map<ConfigurationPropertyName, KnownProperty> known = knownProperties();
		// without metadata, as in an image built without it, nothing can be told unknown
		if (known.isEmpty()) {
			return;
		}
		Set<String> readSpellings = readSpellings(known.keySet());
		List<ConfigurationProperty> unknown = unbound.stream()
			.filter((property) -> !isKnown(property.getName(), known) && !isRead(property, readSpellings))
			.sorted(Comparator.comparing(TuneTheModelPropertiesCheck::name))
			.toList();
		if (!unknown.isEmpty()) {
			throw unknownProperties(unknown, known.keySet());
		}
	}

	// the property that wins for each name, as the binder sees it
	private Map<ConfigurationPropertyName, ConfigurationProperty> properties() {
		Map<ConfigurationPropertyName, ConfigurationProperty> properties = new LinkedHashMap<>();
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(this.environment);
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(PREFIX::isAncestorOf).forEach((name) -> {
					if (!properties.containsKey(name)) {
						ConfigurationProperty property = iterable.getConfigurationProperty(name);
						if (property != null) {
							properties.put(name, property);
						}
					}
				});
			}
		}
		return properties;
	}

	/**
	 * Bind the client's properties as Boot will, ignoring the errors it will report, and
	 * record the names and spellings read.
	 * @param names receives the names bound
	 * @param spellings receives the spellings bound, each with its property source
	 */
	private void bindClientProperties(Set<ConfigurationPropertyName> names, Set<String> spellings) {
		BindHandler recording = new AbstractBindHandler(new IgnoreErrorsBindHandler()) {

			@Override
			public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				ConfigurationProperty property = context.getConfigurationProperty();
				if (property != null) {
					names.add(property.getName());
					String spelling = spelling(property.getOrigin());
					if (spelling != null) {
						spellings.add(spelling);
					}
				}
				return super.onSuccess(name, target, context, result);
			}

		};
		Binder.get(this.environment).bind(PREFIX, Bindable.of(TuneTheModelProperties.class), recording);
	}

	/**
	 * Return the spellings, in their property sources, of what the known properties read:
	 * an environment variable such as {@code TUNETHEMODEL_API_KEY} is listed as
	 * {@code tunethemodel.api.key}, yet read for {@code tunethemodel.api-key}.
	 * @param known the known names
	 * @return the spellings read, each with its property source
	 */
	private Set<String> readSpellings(Set<ConfigurationPropertyName> known) {
		Set<String> spellings = new HashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			for (ConfigurationPropertyName name : known) {
				ConfigurationProperty property = source.getConfigurationProperty(name);
				String spelling = (property != null) ? spelling(property.getOrigin()) : null;
				if (spelling != null) {
					spellings.add(spelling);
				}
			}
		}
		return spellings;
	}

	private static boolean isRead(ConfigurationProperty property, Set<String> readSpellings) {
		String spelling = spelling(property.getOrigin());
		return spelling != null && readSpellings.contains(spelling);
	}

	// only sources that list names differently from how they are read, as the environment
	private static @Nullable String spelling(@Nullable Origin origin) {
		return (origin instanceof PropertySourceOrigin source)
				? source.getPropertySource().getName() + ":" + source.getPropertyName() : null;
	}

	private void requireResolved(ConfigurationProperty property) {
		if (!(property.getValue() instanceof CharSequence value)) {
			return;
		}
		try {
			this.environment.resolveRequiredPlaceholders(value.toString());
		}
		catch (PlaceholderResolutionException ex) {
			// the value is not quoted: it may hold a part of the key
			throw new TuneTheModelPropertiesException(
					name(property) + from(property) + " is the placeholder ${" + ex.getPlaceholder()
							+ "}, which nothing resolves: there is no environment variable, system property or "
							+ "property " + ex.getPlaceholder() + ".",
					placeholderAction(property.getName(), ex.getPlaceholder()));
		}
	}

	private void requireChatModelId(@Nullable ConfigurationProperty property) {
		if (property != null && property.getValue() instanceof CharSequence value
				&& !StringUtils.hasText(this.environment.resolvePlaceholders(value.toString()))) {
			throw new TuneTheModelPropertiesException(
					CHAT_MODEL_ID + from(property) + " is blank: no generator would answer the prompts.",
					"Set " + CHAT_MODEL_ID + " to the id of a generator, "
							+ "or remove it to go without the Spring AI chat model.");
		}
	}

	private static String placeholderAction(ConfigurationPropertyName name, String placeholder) {
		String define = "Set the environment variable " + placeholder + " before starting the application";
		if (name.equals(ConfigurationPropertyName.of("tunethemodel.api-key"))) {
			return define + ", or remove tunethemodel.api-key: the starter then reads TTM_API_KEY.";
		}
		if (name.equals(ConfigurationPropertyName.of("tunethemodel.base-url"))) {
			return define + ", or remove tunethemodel.base-url: the starter then reads TTM_API_URL, "
					+ "and uses https://api.tunethemodel.com without it.";
		}
		return define + ", or give the placeholder a default, as in ${" + placeholder + ":default}.";
	}

	private static boolean isKnown(ConfigurationPropertyName name,
			Map<ConfigurationPropertyName, KnownProperty> known) {
		if (TuneTheModelPropertyNames.isNamedClientProperty(name)) {
			ConfigurationPropertyName inherited = TuneTheModelPropertyNames.inherited(name);
			return inherited != null && isKnown(inherited, known);
		}
		if (known.containsKey(name)) {
			return true;
		}
		// the entries of a map or a list have names of their own
		for (ConfigurationPropertyName ancestor = name.getParent(); !ancestor.isEmpty(); ancestor = ancestor
			.getParent()) {
			KnownProperty property = known.get(ancestor);
			if (property != null) {
				return property.isContainer();
			}
		}
		return false;
	}

	private static TuneTheModelPropertiesException unknownProperties(List<ConfigurationProperty> unknown,
			Set<ConfigurationPropertyName> known) {
		StringBuilder description = new StringBuilder((unknown.size() == 1) ? "The property " : "The properties ");
		StringBuilder action = new StringBuilder();
		boolean unmatched = false;
		for (int i = 0; i < unknown.size(); i++) {
			ConfigurationProperty property = unknown.get(i);
			description.append((i > 0) ? ", " : "").append(name(property)).append(from(property));
			ConfigurationPropertyName suggestion = TuneTheModelPropertyNames.suggestion(property.getName(), known);
			unmatched = unmatched || suggestion == null;
			action.append((action.length() > 0) ? " " : "")
				.append((suggestion != null) ? "Did you mean " + suggestion + " instead of " + name(property) + "?"
						: "Remove " + name(property) + ".");
		}
		description.append((unknown.size() == 1) ? " is not a property" : " are not properties")
			.append(" of the Tune the Model client, and would be ignored.");
		if (unmatched) {
			action.append(" The client's properties are: ")
				.append(String.join(", ", known.stream().map(ConfigurationPropertyName::toString).sorted().toList()))
				.append('.');
		}
		return new TuneTheModelPropertiesException(description.toString(), action.toString());
	}

	private static String name(ConfigurationProperty property) {
		return property.getName().toString();
	}

	private static String from(ConfigurationProperty property) {
		String origin = origin(property);
		return (origin != null) ? " (from " + origin + ")" : "";
	}

	/**
	 * Return where a property is set, as a user would look for it.
	 * @param property the property
	 * @return its file and line, or its property source and spelling there, {@code null}
	 * when unknown
	 */
	static @Nullable String origin(ConfigurationProperty property) {
		Origin origin = property.getOrigin();
		if (origin instanceof PropertySourceOrigin source && source.getOrigin() != null) {
			return source.getOrigin().toString();
		}
		if (origin instanceof PropertySourceOrigin source) {
			String spelling = source.getPropertyName();
			return "property source \"" + source.getPropertySource().getName() + "\""
					+ (spelling.equals(name(property)) ? "" : " as " + spelling);
		}
		return (origin != null) ? origin.toString() : null;
	}

	private Map<ConfigurationPropertyName, KnownProperty> knownProperties() {
		Map<ConfigurationPropertyName, KnownProperty> known = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		try {
			Enumeration<URL> resources = (this.classLoader != null) ? this.classLoader.getResources(METADATA)
					: ClassLoader.getSystemResources(METADATA);
			for (URL resource : Collections.list(resources)) {
				try (InputStream metadata = resource.openStream()) {
					for (JsonNode property : mapper.readTree(metadata).path("properties")) {
						ConfigurationPropertyName name = ConfigurationPropertyName
							.ofIfValid(property.path("name").asString(""));
						if (name != null && PREFIX.isAncestorOf(name)) {
							known.put(name, new KnownProperty(property.path("type").asString("")));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the configuration metadata", ex);
		}
		return known;
	}

	/**
	 * A property of the configuration metadata.
	 *
	 * @param type its type, as the metadata gives it
	 */
	private record KnownProperty(String type) {

		boolean isContainer() {
			return this.type.startsWith("java.util.Map<") || this.type.startsWith("java.util.List<")
					|| this.type.startsWith("java.util.Set<") || this.type.endsWith("[]");
		}

	}

}
