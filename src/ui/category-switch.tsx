import { ServiceDetails } from './service-details';
import type { CategoryTexts, UiTexts } from './texts';
import type { UiService } from './types';

interface CategorySwitchProps {
  readonly id: string;
  readonly category: CategoryTexts;
  readonly required: boolean;
  readonly checked: boolean;
  readonly onToggle: (id: string, checked: boolean) => void;
  readonly services: readonly UiService[];
  readonly texts: UiTexts;
  readonly language: string;
}

/**
 * One category (U2, U4, A4): a native checkbox exposed as a switch with a visible label, its description
 * and its services. A required category is shown on and locked; nothing optional is ever pre-ticked
 * unless the visitor granted it before.
 */
export function CategorySwitch(props: CategorySwitchProps) {
  const { id, category, required, checked, onToggle, services, texts, language } = props;
  const inputId = `cs-cat-${id}`;
  const descriptionId = `${inputId}-description`;
  return (
    <li class="cat">
      <div class="switch">
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          checked={required || checked}
          disabled={required}
          aria-describedby={category.description ? descriptionId : undefined}
          onChange={(event) => onToggle(id, event.currentTarget.checked)}
        />
        <h3>
          <label for={inputId}>{category.title}</label>
        </h3>
        {required && <span>{texts.alwaysOn}</span>}
      </div>
      {category.description && <p id={descriptionId}>{category.description}</p>}
      {services.length > 0 && (
        <>
          <h4>{texts.services}</h4>
          {services.map((service) => (
            <ServiceDetails key={service.id} service={service} texts={texts} language={language} />
          ))}
        </>
      )}
    </li>
  );
}
