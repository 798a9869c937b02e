using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The cheap test run before any control-flow graph is built: a body in which no lock can ever be held and no
    /// lock contract is involved cannot produce a flow diagnostic, so ordinary code costs one walk of its operations.
    /// </summary>
    internal static class BodyPrescan
    {
        internal static bool NeedsAnalysis(IOperation body, IMethodSymbol? owner, AnnotationReader annotations)
        {
            if (owner is not null && LockCallClassifier.HasLockContract(owner, annotations))
            {
                return true;
            }

            foreach (var operation in body.Descendants())
            {
                IMethodSymbol? target = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    IPropertyReferenceOperation property => property.Property.GetMethod ?? property.Property.SetMethod,
                    ILocalFunctionOperation localFunction => localFunction.Symbol,
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    _ => null,
                };

                if (target is not null && LockCallClassifier.HasLockContract(target, annotations))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
