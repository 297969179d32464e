import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface ProfileErrorProps {
  title: string;
  message: string;
}

/** Why no profile can be shown for the current selection. */
export function ProfileError({ title, message }: ProfileErrorProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {message}
      </MessageBarBody>
    </MessageBar>
  );
}
