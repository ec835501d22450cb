data -SupportedCommand
