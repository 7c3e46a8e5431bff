import { Field, Input, Textarea } from '@fluentui/react-components';

/** The sentence for one field out of a site error, whose message starts "field: …". */
export function fieldProblem(message: string, field: string): string | null {
  const prefix = `${field}: `;
  if (!message.startsWith(prefix)) return null;
  const sentence = message.slice(prefix.length);
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * Name and Description, as Create Software Update Group and the group's General tab ask for
 * them. `nameProblem` is the site's sentence (a taken name) or the console's (an empty one).
 */
export function GroupFields(props: {
  name: string;
  description: string;
  nameProblem: string | null;
  onName(value: string): void;
  onDescription(value: string): void;
  onEnter?(): void;
}) {
  return (
    <>
      <Field
        label="Name"
        required
        validationState={props.nameProblem ? 'error' : 'none'}
        validationMessage={props.nameProblem ?? undefined}
      >
        <Input
          value={props.name}
          maxLength={256}
          autoFocus
          onChange={(_event, data) => props.onName(data.value)}
          onKeyDown={(event) => event.key === 'Enter' && props.onEnter?.()}
        />
      </Field>
      <Field label="Description">
        <Textarea
          value={props.description}
          maxLength={512}
          resize="vertical"
          onChange={(_event, data) => props.onDescription(data.value)}
        />
      </Field>
    </>
  );
}
