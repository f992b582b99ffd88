package dev.tunethemodel.autoconfigure;

import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * Registers the beans of the named clients of {@code tunethemodel.clients}: for each
 * name, a {@link TuneTheModelTemplate} and a {@link BlockingTuneTheModelTemplate} with
 * that name as their qualifier. They are not default candidates: a dependency without the
 * qualifier gets the top-level client, however many named ones there are.
 */
final class TuneTheModelClientsRegistrar implements ImportBeanDefinitionRegistrar {

	static final String CLIENTS_BEAN_NAME = "tuneTheModelClients";

	private final Environment environment;

	TuneTheModelClientsRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		Set<String> names = TuneTheModelClients.names(this.environment);
		if (names.isEmpty()) {
			return;
		}
		RootBeanDefinition clients = new RootBeanDefinition(TuneTheModelClients.class);
		clients.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		registry.registerBeanDefinition(CLIENTS_BEAN_NAME, clients);
		for (String name : names) {
			String templateName = templateBeanName(name);
			RootBeanDefinition template = namedClient(TuneTheModelTemplate.class, name);
			template.setFactoryBeanName(CLIENTS_BEAN_NAME);
			template.setUniqueFactoryMethodName("template");
			template.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			registry.registerBeanDefinition(templateName, template);
			RootBeanDefinition blocking = namedClient(BlockingTuneTheModelTemplate.class, name);
			blocking.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(templateName));
			registry.registerBeanDefinition(blockingTemplateBeanName(name), blocking);
		}
	}

	/**
	 * Return the bean name of a named client's template.
	 * @param name the client's name
	 * @return the bean name
	 */
	static String templateBeanName(String name) {
		return "tuneTheModelTemplate-" + name;
	}

	/**
	 * Return the bean name of a named client's blocking template.
	 * @param name the client's name
	 * @return the bean name
	 */
	static String blockingTemplateBeanName(String name) {
		return "blockingTuneTheModelTemplate-" + name;
	}

	private static RootBeanDefinition namedClient(Class<?> type, String name) {
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setTargetType(type);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		// injected only where its qualifier is asked for
		definition.setDefaultCandidate(false);
		return definition;
	}

}
