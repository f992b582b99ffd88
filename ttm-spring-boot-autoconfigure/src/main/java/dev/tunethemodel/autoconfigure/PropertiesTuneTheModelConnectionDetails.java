package dev.tunethemodel.autoconfigure;

/**
 * {@link TuneTheModelConnectionDetails} backed by {@link TuneTheModelProperties}.
 */
final class PropertiesTuneTheModelConnectionDetails implements TuneTheModelConnectionDetails {

	private final TuneTheModelProperties properties;

	PropertiesTuneTheModelConnectionDetails(TuneTheModelProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	// empty when not set: the client then says which property to set
	@Override
	public String getApiKey() {
		String apiKey = this.properties.getApiKey();
		return (apiKey != null) ? apiKey : "";
	}

	@Override
	public String toString() {
		return "PropertiesTuneTheModelConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
